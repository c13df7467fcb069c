package io.tierzero.bot.feedback;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Votes (PostgreSQL dialect; H2 runs in PostgreSQL mode). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FeedbackRepository extends CrudRepository<Feedback, String> {
  Optional<Feedback> findByConversationIdAndItem(String conversationId, String item);

  List<Feedback> findByConversationIdOrderByCreatedAt(String conversationId);

  /** Every vote that counts for an article: the input of the ranking prior. */
  List<Feedback> findByArticleIdIsNotNull();
}
