package io.tierzero.bot.tickets;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Tickets' histories (PostgreSQL dialect; H2 runs in PostgreSQL mode). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TicketUpdateRepository extends CrudRepository<TicketUpdate, String> {
  /** Oldest first (changes of one ticket are made one at a time, under the ticket's row lock). */
  List<TicketUpdate> findByTicketIdOrderByCreatedAt(String ticketId);

  boolean existsByTicketIdAndSourceId(String ticketId, String sourceId);
}
