package io.tierzero.bot.tickets;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** The outbox (PostgreSQL dialect; H2 runs in PostgreSQL mode). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TicketDeliveryRepository extends CrudRepository<TicketDelivery, String> {

  /** One sink's pending deliveries whose time has come, oldest first. */
  @Query(
      value =
          "select * from ticket_delivery where sink = :sink and state = 'pending' and"
              + " next_attempt_at <= :now order by next_attempt_at limit :limit",
      nativeQuery = true)
  List<TicketDelivery> findDue(String sink, Instant now, int limit);

  /**
   * Takes a due delivery for one attempt by moving its next attempt to the end of a lease; 1 when
   * this caller got it, 0 when another dispatcher did first. A dispatcher that dies mid-attempt
   * leaves the row to be retried when the lease ends.
   */
  @Query(
      value =
          "update ticket_delivery set next_attempt_at = :leaseUntil where id = :id and state ="
              + " 'pending' and attempts = :attempts and next_attempt_at <= :now",
      nativeQuery = true)
  int claim(String id, int attempts, Instant now, Instant leaseUntil);

  List<TicketDelivery> findByTicketIdOrderBySink(String ticketId);
}
