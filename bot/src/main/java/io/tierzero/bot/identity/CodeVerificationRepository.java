package io.tierzero.bot.identity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CodeVerificationRepository extends CrudRepository<CodeVerification, String> {
  /** The latest code sent in a conversation: the one the user is typing. */
  Optional<CodeVerification> findFirstByConversationIdOrderByCreatedAtDesc(String conversationId);

  long countByConversationIdAndCreatedAtGreaterThan(String conversationId, Instant since);

  long countByConversationIdAndUsernameAndVerifiedAtGreaterThan(
      String conversationId, String username, Instant since);

  List<CodeVerification> findByConversationIdAndVerifiedAtIsNotNull(String conversationId);

  void deleteByCreatedAtLessThan(Instant before);
}
