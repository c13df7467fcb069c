package io.tierzero.bot.tickets.rt;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Our tickets' RT tickets (PostgreSQL dialect; H2 runs in PostgreSQL mode). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RtTicketRepository extends CrudRepository<RtTicket, String> {
  /**
   * The RT tickets of our tickets that are not closed, oldest first: a closed ticket is done with
   * here, whatever RT does to it later.
   */
  @Query(
      value =
          "select r.* from rt_ticket r join ticket t on t.id = r.ticket_id where t.status <>"
              + " 'closed' order by r.created_at",
      nativeQuery = true)
  List<RtTicket> findOpen();
}
