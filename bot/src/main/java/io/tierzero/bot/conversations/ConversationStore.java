package io.tierzero.bot.conversations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.exceptions.TransactionUsageException;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.tierzero.bot.ids.Ids;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversations and their messages, with the token check in one place: every read or write goes
 * through a method that takes the token, so no caller can forget it.
 */
@Singleton
public class ConversationStore {
  private final ConversationRepository conversations;
  private final ChatMessageRepository messages;
  private final TransactionOperations<Connection> transactions;
  private final RecentMessages recent = new RecentMessages();
  private final Clock clock;

  ConversationStore(
      ConversationRepository conversations,
      ChatMessageRepository messages,
      TransactionOperations<Connection> transactions,
      Clock clock) {
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public StartedConversation start() {
    return start(Conversation.WIDGET);
  }

  /**
   * Starts a conversation on {@code channel} ({@link Conversation#WIDGET} or a channel adapter's
   * name).
   */
  public StartedConversation start(String channel) {
    return start(channel, Tokens.newToken());
  }

  /**
   * Starts a conversation whose token the caller chose: a channel adapter derives it from the
   * platform's thread with a key of its own, since the platform cannot hold one for the user.
   */
  public StartedConversation start(String channel, String token) {
    Objects.requireNonNull(channel, "channel");
    if (token == null || token.length() < 32)
      throw new IllegalArgumentException("token must be at least 32 characters");
    var now = now();
    var conversation = new Conversation(Ids.newId(), Tokens.hash(token), now, now, 0, 0, channel);
    conversations.save(conversation);
    return new StartedConversation(conversation.id(), token);
  }

  /** The conversation when it exists and {@code token} is its token; empty otherwise. */
  public Optional<Conversation> find(String id, String token) {
    return conversations.findById(id).filter(c -> Tokens.matches(token, c.tokenHash()));
  }

  /**
   * Like {@link #find} but locks the row until the surrounding transaction ends: call it at the
   * start of a turn, inside a transaction.
   */
  public Optional<Conversation> lockForTurn(String id, String token) {
    return conversations.findByIdForUpdate(id).filter(c -> Tokens.matches(token, c.tokenHash()));
  }

  /**
   * Locks a conversation like {@link #lockForTurn}, without its token: only for messages the
   * service adds on its own (a help desk's reply to the conversation's ticket), never for a request
   * made by a visitor.
   */
  public Optional<Conversation> lockForNotice(String id) {
    return conversations.findByIdForUpdate(id);
  }

  /** The messages of a conversation found with its token, oldest first. */
  public List<ChatMessage> messages(Conversation conversation) {
    return messages.findByConversationIdOrderBySeq(conversation.id());
  }

  /**
   * The messages of a conversation found with its token that came after the one with id {@code
   * afterId}, oldest first; all of them without it, or when it is no message of this conversation
   * (the caller keeps what it has shown by id). What a widget polls for: the common answer, nothing
   * new, costs no read of the messages.
   */
  public List<ChatMessage> messagesAfter(Conversation conversation, @Nullable String afterId) {
    var after =
        afterId == null
            ? Optional.<ChatMessage>empty()
            : messages.findById(afterId).filter(m -> m.conversationId().equals(conversation.id()));
    if (after.isEmpty()) return messages(conversation);
    int next = after.get().seq() + 1;
    if (next >= conversation.messageCount()) return List.of();
    return messages.findByConversationIdAndSeqGreaterThanEqualsOrderBySeq(conversation.id(), next);
  }

  /**
   * The last {@code count} messages of a conversation found with its token, oldest first. Every
   * turn reads them; what the last turn here committed is kept ({@link RecentMessages}), so it is
   * read from the database only after a restart, or when another instance wrote meanwhile.
   */
  public List<ChatMessage> recentMessages(Conversation conversation, int count) {
    if (conversation.messageCount() == 0) return List.of();
    var kept = recent.last(conversation.id(), conversation.messageCount(), count);
    if (kept.isPresent()) return kept.get();
    int from = Math.max(0, conversation.messageCount() - count);
    var read =
        messages.findByConversationIdAndSeqGreaterThanEqualsOrderBySeq(conversation.id(), from);
    afterCommit(() -> recent.committed(conversation.id(), conversation.messageCount(), read));
    return read;
  }

  /** The bot's latest message, which a quick reply or a follow-up may be answering. */
  public Optional<ChatMessage> lastBotMessage(Conversation conversation) {
    if (conversation.messageCount() == 0) return Optional.empty();
    // Every append ends with the bot's words (a turn's replies, a ticket's confirmation), so the
    // last position is one index lookup; the search by sender is there should that ever change.
    var last =
        messages.findByConversationIdAndSeq(conversation.id(), conversation.messageCount() - 1);
    if (last.isPresent() && ChatMessage.BOT.equals(last.get().sender())) return last;
    return messages.findFirstByConversationIdAndSenderOrderBySeqDesc(
        conversation.id(), ChatMessage.BOT);
  }

  /**
   * Appends a turn's messages in order and updates the conversation; returns the stored messages
   * with their ids. Call it in the transaction that locked the conversation.
   */
  @Transactional
  public List<ChatMessage> append(
      Conversation conversation, List<NewMessage> newMessages, int noAnswerStreak) {
    var now = now();
    var stored = new ArrayList<ChatMessage>(newMessages.size());
    int seq = conversation.messageCount();
    for (var message : newMessages) {
      stored.add(
          new ChatMessage(
              Ids.newId(),
              conversation.id(),
              seq++,
              message.sender(),
              message.replyType(),
              message.body(),
              message.payload(),
              now));
    }
    messages.saveAll(stored);
    conversations.update(conversation.withTurn(newMessages.size(), noAnswerStreak, now));
    var appended = List.copyOf(stored);
    afterCommit(() -> recent.appended(conversation.id(), conversation.messageCount(), appended));
    return stored;
  }

  /**
   * Runs {@code action} once the current transaction has committed; never without one, nor where
   * the transaction cannot say when it commits (then nothing is kept and the next turn reads).
   */
  private void afterCommit(Runnable action) {
    var status = transactions.findTransactionStatus();
    if (status.isEmpty()) return;
    try {
      status
          .get()
          .registerSynchronization(
              new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                  action.run();
                }
              });
    } catch (TransactionUsageException e) {
      // Nothing kept: correct, only slower.
    }
  }

  /**
   * Microseconds: what PostgreSQL keeps, so a value reads back as it was written on both databases.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
