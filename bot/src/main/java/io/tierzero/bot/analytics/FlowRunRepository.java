package io.tierzero.bot.analytics;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/**
 * Flow runs, written in the chat turn's transaction (PostgreSQL dialect; H2 in PostgreSQL mode).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FlowRunRepository extends CrudRepository<FlowRunRecord, String> {
  Optional<FlowRunRecord> findFirstByConversationIdAndFlowIdAndOutcomeOrderByStartedAtDesc(
      String conversationId, String flowId, String outcome);
}
