package io.tierzero.bot.conversations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last messages of recently active conversations, as committed, so that a turn need not read
 * back what the previous turn just wrote. An entry is keyed by the conversation's message count:
 * messages are only ever appended, each at a position no other message can take, so the committed
 * tail at a given count never changes. Another instance that appends to the conversation raises the
 * count, and the next turn here reads from the database again. Entries are put only after the
 * transaction commits: a turn that rolls back leaves nothing behind.
 */
final class RecentMessages {
  /**
   * Conversations kept: far more than are active at once; at 16 messages each, a few tens of MB at
   * most.
   */
  static final int CONVERSATIONS = 1_000;

  /**
   * Messages kept per conversation: what a turn looks back over ({@code SecretAnswers.LOOK_BACK})
   * and more.
   */
  static final int MESSAGES = 32;

  private record Tail(int messageCount, List<ChatMessage> messages) {}

  private final Map<String, Tail> tails =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tail> eldest) {
          return size() > CONVERSATIONS;
        }
      };

  /**
   * The last {@code count} messages when this conversation's last commit here left {@code
   * messageCount}.
   */
  synchronized Optional<List<ChatMessage>> last(
      String conversationId, int messageCount, int count) {
    var tail = tails.get(conversationId);
    if (tail == null || tail.messageCount() != messageCount) return Optional.empty();
    int wanted = Math.min(count, messageCount);
    if (tail.messages().size() < wanted) return Optional.empty();
    var messages = tail.messages();
    return Optional.of(messages.subList(messages.size() - wanted, messages.size()));
  }

  /** {@code messages} are the conversation's last ones, committed, at {@code messageCount}. */
  synchronized void committed(String conversationId, int messageCount, List<ChatMessage> messages) {
    tails.put(conversationId, new Tail(messageCount, keep(messages)));
  }

  /**
   * {@code appended} were committed after the first {@code before} messages: extends the tail when
   * it ends there, otherwise starts a new one from them.
   */
  synchronized void appended(String conversationId, int before, List<ChatMessage> appended) {
    var tail = tails.get(conversationId);
    var messages = new ArrayList<ChatMessage>();
    if (tail != null && tail.messageCount() == before) messages.addAll(tail.messages());
    messages.addAll(appended);
    tails.put(conversationId, new Tail(before + appended.size(), keep(messages)));
  }

  private static List<ChatMessage> keep(List<ChatMessage> messages) {
    return List.copyOf(messages.subList(Math.max(0, messages.size() - MESSAGES), messages.size()));
  }
}
