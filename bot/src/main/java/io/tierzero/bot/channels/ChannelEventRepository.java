package io.tierzero.bot.channels;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChannelEventRepository extends CrudRepository<ChannelEvent, String> {
  void deleteByReceivedAtLessThan(Instant before);
}
