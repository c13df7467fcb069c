package io.tierzero.bot.conversations;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/**
 * Conversations. The dialect is fixed at compile time: PostgreSQL, with H2 run in its PostgreSQL
 * mode, so one repository serves both databases.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConversationRepository extends CrudRepository<Conversation, String> {
  /**
   * Reads and row-locks a conversation until the transaction ends, so two turns of the same
   * conversation (two tabs, two instances) are taken one after the other, never interleaved.
   */
  Optional<Conversation> findByIdForUpdate(String id);
}
