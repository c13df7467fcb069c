package io.tierzero.bot.chat;

import io.micronaut.context.MessageSource;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.tierzero.bot.conversations.ChatMessage;
import io.tierzero.bot.conversations.Conversation;
import io.tierzero.bot.conversations.ConversationStore;
import io.tierzero.bot.conversations.NewMessage;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.i18n.Messages;
import io.tierzero.bot.redaction.PlainText;
import io.tierzero.bot.redaction.Redactor;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One chat turn: store the user's message, let the handlers answer, store and return the replies.
 */
@Singleton
public class ChatService {
  private final ConversationStore store;
  private final Dispatcher dispatcher;
  private final ReplyCodec codec;
  private final ChatMetrics metrics;
  private final ApplicationEventPublisher<ConversationStarted> events;
  private final AnswerWords words;
  private final SideEffects sideEffects;
  private final TransactionOperations<Connection> transactions;
  private final MessageSource messages;
  private final StoredReplies storedReplies = new StoredReplies();

  ChatService(
      ConversationStore store,
      Dispatcher dispatcher,
      ReplyCodec codec,
      ChatMetrics metrics,
      ApplicationEventPublisher<ConversationStarted> events,
      AnswerWords words,
      SideEffects sideEffects,
      TransactionOperations<Connection> transactions,
      MessageSource messages) {
    this.sideEffects = sideEffects;
    this.transactions = transactions;
    this.store = store;
    this.dispatcher = dispatcher;
    this.codec = codec;
    this.metrics = metrics;
    this.events = events;
    this.words = words;
    this.messages = messages;
  }

  public StartedConversation start() {
    return start(null, null);
  }

  /** Starts a conversation and tells listeners where the user is (page, browser). */
  public StartedConversation start(@Nullable String pageUrl, @Nullable String userAgent) {
    var started = store.start();
    events.publishEvent(new ConversationStarted(started.id(), pageUrl, userAgent));
    return started;
  }

  /**
   * Starts a conversation for a channel adapter ({@code slack}) with the token the adapter derives
   * for the thread it belongs to (the platform holds no token); its turns are then {@link #send}
   * like the widget's.
   */
  public String startOnChannel(String channel, String token) {
    if (Conversation.WIDGET.equals(channel))
      throw new IllegalArgumentException("channel must be an adapter's, not the widget");
    var started = store.start(channel, token);
    events.publishEvent(new ConversationStarted(started.id(), null, null));
    return started.id();
  }

  /**
   * Answers {@code text} in the conversation; empty when there is no such conversation or the token
   * is not its token (the caller cannot tell which, on purpose).
   */
  public Optional<List<BotMessage>> send(String conversationId, String token, String text) {
    return turn(conversationId, token, text, false);
  }

  /**
   * A secret for the question a channel conversation waits on, from the page of ours a one-time
   * link opened (never typed into the platform): the turn goes on as if typed in the widget, and
   * the transcript keeps only "(secret given)".
   */
  public Optional<List<BotMessage>> sendSecret(String conversationId, String token, String secret) {
    return turn(conversationId, token, secret, true);
  }

  /**
   * The turn in one transaction that holds the conversation's lock; a flow's side effect ({@link
   * SideEffects}) runs after it committed, and the turn goes on in another.
   */
  private Optional<List<BotMessage>> turn(
      String conversationId, String token, String text, boolean secretPage) {
    var sample = metrics.start();
    sideEffects.take(); // nothing a failed turn on this thread left behind
    var first =
        transactions.executeWrite(
            status ->
                store
                    .lockForTurn(conversationId, token)
                    .map(conversation -> turn(conversation, text, secretPage)));
    if (first.isEmpty()) return Optional.empty();
    var replies = new ArrayList<>(first.get().replies());
    var sent = new ArrayList<>(first.get().sent());
    for (var effect = sideEffects.take(); effect.isPresent(); effect = sideEffects.take()) {
      effect.get().run();
      var next = effect.get();
      var more =
          transactions.executeWrite(
              status ->
                  store
                      .lockForTurn(conversationId, token)
                      .map(conversation -> store(conversation, null, next.resume())));
      if (more.isEmpty()) break;
      replies.addAll(more.get().replies());
      sent.addAll(more.get().sent());
    }
    metrics.turn(sample, replies);
    return Optional.of(List.copyOf(sent));
  }

  /** What a turn's transaction stored: its replies, and as the user receives them. */
  private record Stored(List<Reply> replies, List<BotMessage> sent) {}

  private Stored turn(Conversation conversation, String text, boolean secretPage) {
    var recent = recent(conversation);
    // Without NUL or lone surrogates, which no database column or transcript can hold.
    var context =
        TurnContext.of(
            conversation.id(),
            PlainText.clean(text),
            conversation.noAnswerStreak(),
            recent.previous());
    var replies =
        !secretPage && typedSecret(conversation, context)
            ? notInChat(context.previousReply())
            : dispatcher.dispatch(context);
    // An answer to a secret or one-time-code question (or the same secret typed again just after)
    // is stored as "(secret given)", never as typed; any other message loses card numbers,
    // passwords and keys before it is stored.
    return store(
        conversation,
        NewMessage.fromUser(Redactor.redact(SecretAnswers.transcriptText(recent, context.text()))),
        replies);
  }

  /** Appends the user's message (none when the turn goes on after a side effect) and replies. */
  private Stored store(Conversation conversation, NewMessage user, List<Reply> replies) {
    var messages = new ArrayList<NewMessage>(replies.size() + 1);
    if (user != null) messages.add(user);
    replies.forEach(reply -> messages.add(codec.toMessage(reply)));
    if (messages.isEmpty()) return new Stored(List.of(), List.of());
    int first = user != null ? 1 : 0;
    var stored =
        store.append(conversation, messages, streak(conversation.noAnswerStreak(), replies));
    // The replies as they were stored, from the replies themselves: reading back the JSON just
    // written would give the same values.
    var sent = new ArrayList<BotMessage>(replies.size());
    for (int i = 0; i < replies.size(); i++) {
      sent.add(codec.toBotMessage(stored.get(i + first), replies.get(i)));
      // Kept even should the commit fail: the id is then never read back, and the entry ages out.
      storedReplies.stored(stored.get(i + first).id(), replies.get(i));
    }
    return new Stored(replies, sent);
  }

  /**
   * A password or code typed into a chat platform, where the vendor keeps every message: it is
   * never used (the channel gave the user a link to a page of ours for it), only "cancel" still
   * stops the flow. The message is stored as "(secret given)" like any answer to the question.
   */
  private boolean typedSecret(Conversation conversation, TurnContext context) {
    var previous = context.previousReply();
    if (conversation.onWidget()
        || previous == null
        || previous.input() == null
        || !previous.input().sensitive()) return false;
    return !words.is(Intent.Action.CANCEL, context.normalized());
  }

  /**
   * The question again, so the channel sends a fresh link, with why the typed answer was not used.
   */
  private List<Reply> notInChat(Reply question) {
    var why =
        ReplyInput.SECRET.equals(question.input().type())
            ? "chat.typed-secret.password"
            : "chat.typed-secret.code";
    return List.of(
        new Reply(
            ReplyType.FLOW_STEP,
            Messages.text(messages, why),
            List.of(),
            List.of(),
            null,
            null,
            question.flow(),
            null),
        question);
  }

  /** The questions the bot asked lately, read from the conversation's last few messages. */
  private SecretAnswers.Recent recent(Conversation conversation) {
    var messages = store.recentMessages(conversation, SecretAnswers.LOOK_BACK);
    var decode = storedReplies.or(codec::toReply);
    if (messages.stream().noneMatch(m -> ChatMessage.BOT.equals(m.sender()))) {
      // A new conversation; or, should turns ever end without a reply, the last one further back.
      return new SecretAnswers.Recent(
          store.lastBotMessage(conversation).map(decode).orElse(null), null, false);
    }
    return SecretAnswers.Recent.of(messages, decode);
  }

  public Optional<Transcript> transcript(String conversationId, String token) {
    return store
        .find(conversationId, token)
        .map(
            conversation ->
                new Transcript(
                    conversation.id(),
                    conversation.createdAt(),
                    store.messages(conversation).stream().map(codec::toEntry).toList()));
  }

  /**
   * The messages after {@code afterId} (all without it), as a transcript: what the widget asks for
   * while it is open, to show what the IT Service Desk said without the user sending anything. Read
   * from the database, so a message another instance added is there too.
   */
  public Optional<Transcript> messagesAfter(
      String conversationId, String token, @Nullable String afterId) {
    return store
        .find(conversationId, token)
        .map(
            conversation ->
                new Transcript(
                    conversation.id(),
                    conversation.createdAt(),
                    store.messagesAfter(conversation, afterId).stream()
                        .map(codec::toEntry)
                        .toList()));
  }

  /**
   * Misses in a row: a {@code no_answer} adds one, an answer, a clarifying question or a handoff
   * ends the run, small talk leaves it as it was ("thanks" between two misses is still two misses).
   */
  static int streak(int before, List<Reply> replies) {
    var types = replies.stream().map(Reply::type).toList();
    if (types.contains(ReplyType.HANDOFF)
        || types.contains(ReplyType.ANSWER)
        || types.contains(ReplyType.CLARIFY)) {
      return 0;
    }
    return types.contains(ReplyType.NO_ANSWER) ? before + 1 : before;
  }
}
