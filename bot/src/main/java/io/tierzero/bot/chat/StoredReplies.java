package io.tierzero.bot.chat;

import io.tierzero.bot.conversations.ChatMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The replies recent turns stored, by message id, so the next turn's look back over them ({@link
 * SecretAnswers.Recent}) need not parse the JSON they were just written as. A stored message never
 * changes, so an id found here is always its reply; one not found is decoded as usual.
 */
final class StoredReplies {
  /** About four replies for each of a thousand conversations: what a turn looks back over. */
  static final int CAPACITY = 4_000;

  private final Map<String, Reply> replies =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reply> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized void stored(String messageId, Reply reply) {
    replies.put(messageId, reply);
  }

  /** {@code decode}, answered from the replies kept where it can be. */
  Function<ChatMessage, Reply> or(Function<ChatMessage, Reply> decode) {
    return message -> {
      Reply kept;
      synchronized (this) {
        kept = replies.get(message.id());
      }
      return kept != null ? kept : decode.apply(message);
    };
  }
}
