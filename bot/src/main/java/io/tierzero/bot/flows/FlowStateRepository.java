package io.tierzero.bot.flows;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

/** Running flows; PostgreSQL dialect, with H2 in PostgreSQL mode, like the conversations. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FlowStateRepository extends CrudRepository<FlowState, String> {
  void deleteByExpiresAtLessThan(Instant now);
}
