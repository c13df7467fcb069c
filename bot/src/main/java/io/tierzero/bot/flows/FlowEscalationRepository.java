package io.tierzero.bot.flows;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Flow escalations; the tickets feature reads a conversation's with {@link #findByConversationIdOrderByCreatedAt}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FlowEscalationRepository extends CrudRepository<FlowEscalationRecord, String> {
  List<FlowEscalationRecord> findByConversationIdOrderByCreatedAt(String conversationId);
}
