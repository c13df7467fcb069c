package io.tierzero.bot.conversations;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Messages of conversations; see {@link ConversationRepository} for the dialect. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChatMessageRepository extends CrudRepository<ChatMessage, String> {
  /** The transcript, oldest first. */
  List<ChatMessage> findByConversationIdOrderBySeq(String conversationId);

  /** The messages from position {@code seq} on, oldest first: a turn's look back. */
  List<ChatMessage> findByConversationIdAndSeqGreaterThanEqualsOrderBySeq(
      String conversationId, int seq);

  /** One message by its position, through the index that keeps positions unique. */
  Optional<ChatMessage> findByConversationIdAndSeq(String conversationId, int seq);

  /** The latest message of one sender, e.g. the bot's last reply that a quick reply answers. */
  Optional<ChatMessage> findFirstByConversationIdAndSenderOrderBySeqDesc(
      String conversationId, String sender);
}
