package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Tickets (PostgreSQL dialect; H2 runs in PostgreSQL mode). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TicketRepository extends CrudRepository<Ticket, String> {
  Optional<Ticket> findByTicketNumber(String ticketNumber);

  Optional<Ticket> findByConversationId(String conversationId);

  /**
   * Reads and row-locks a ticket until the transaction ends, so its changes are made one at a time.
   */
  Optional<Ticket> findByIdForUpdate(String id);

  boolean existsByConversationId(String conversationId);

  /**
   * The tickets raised under {@code email} (stored and given in lower case), most recently updated
   * first.
   */
  @Query(
      value =
          "select * from ticket where requester_email = :email order by updated_at desc,"
              + " ticket_number desc limit :limit",
      nativeQuery = true)
  List<Ticket> findByRequesterEmail(String email, int limit);

  /** The next ticket number from the sequence; unique across instances. */
  @Query(value = "select nextval('ticket_number_seq')", nativeQuery = true)
  long nextNumber();

  /**
   * Tickets matching the filters that are given (a null filter matches everything), newest first.
   * {@code coalesce} keeps one statement for every combination of filters; an {@code assignee} of
   * {@code ""} matches the tickets nobody has taken (the column is null for those, and null never
   * equals anything, hence the coalesce on the column too).
   */
  @Query(
      value =
          "select * from ticket where status = coalesce(:status, status)"
              + " and queue = coalesce(:queue, queue) and priority = coalesce(:priority, priority)"
              + " and coalesce(assignee, '') = coalesce(:assignee, coalesce(assignee, ''))"
              + " order by created_at desc, ticket_number desc limit :limit",
      nativeQuery = true)
  List<Ticket> search(
      @Nullable String status,
      @Nullable String queue,
      @Nullable String priority,
      @Nullable String assignee,
      int limit);

  /** The queues tickets are in, alphabetically: what the console's queue filter offers. */
  @Query(value = "select distinct queue from ticket order by queue", nativeQuery = true)
  List<String> findDistinctQueue();
}
