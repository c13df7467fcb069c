package io.tierzero.bot.channels;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChannelConversationRepository extends CrudRepository<ChannelConversation, String> {
  Optional<ChannelConversation> findByConversationId(String conversationId);

  /**
   * The newest of a thread's conversations: the first has the thread's id, later ones a {@code #n}
   * suffix.
   */
  Optional<ChannelConversation> findFirstByIdOrIdLikeOrderByCreatedAtDesc(
      String id, String successors);

  long countByIdOrIdLike(String id, String successors);
}
