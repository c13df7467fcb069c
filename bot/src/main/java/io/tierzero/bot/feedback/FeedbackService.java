package io.tierzero.bot.feedback;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import io.tierzero.bot.chat.ChatService;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.conversations.ChatMessage;
import io.tierzero.bot.conversations.ConversationStore;
import io.tierzero.bot.ids.Ids;
import io.tierzero.bot.kb.Articles;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores users' votes: one per conversation and rated item, changeable. A vote on an answer also
 * counts for the article the answer offered, so thumbs on chat replies feed the ranking prior
 * ({@link ArticleRatings}) as much as "Was this helpful?" on an article does.
 */
@Singleton
public class FeedbackService {
  static final String MESSAGE_ITEM = "message:";
  static final String ARTICLE_ITEM = "article:";

  private final ConversationStore store;
  private final ChatService chat;
  private final Articles articles;
  private final FeedbackRepository repository;
  private final ApplicationEventPublisher<VotesChanged> events;
  private final Clock clock;

  FeedbackService(
      ConversationStore store,
      ChatService chat,
      Articles articles,
      FeedbackRepository repository,
      ApplicationEventPublisher<VotesChanged> events,
      Clock clock) {
    this.clock = clock;
    this.store = Objects.requireNonNull(store, "store");
    this.chat = Objects.requireNonNull(chat, "chat");
    this.articles = Objects.requireNonNull(articles, "articles");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Records {@code request} in the conversation; empty when there is no such conversation or the
   * token is not its token. A message that is not one of the conversation's bot replies, or an
   * unknown article, is a 404; naming neither is a 400.
   */
  @Transactional
  public Optional<FeedbackReceipt> rate(
      String conversationId, String token, FeedbackRequest request) {
    // The row lock orders a vote with the conversation's turns and with a double click's twin.
    var conversation = store.lockForTurn(conversationId, token);
    if (conversation.isEmpty()) return Optional.empty();
    var messageId = blankToNull(request.messageId());
    var articleId = blankToNull(request.articleId());
    if (messageId == null && articleId == null) {
      throw new HttpStatusException(
          HttpStatus.BAD_REQUEST, "Name the rated reply (messageId) or article (articleId)");
    }
    Transcript.Entry message = null;
    if (messageId != null) {
      message =
          chat.transcript(conversationId, token).orElseThrow().messages().stream()
              .filter(m -> m.id().equals(messageId) && ChatMessage.BOT.equals(m.from()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new HttpStatusException(
                          HttpStatus.NOT_FOUND,
                          "No bot reply " + messageId + " in this conversation"));
    }
    if (articleId != null && articles.article(articleId).isEmpty()) {
      throw new HttpStatusException(HttpStatus.NOT_FOUND, "No article " + articleId);
    }
    if (articleId != null
        && message != null
        && message.articles().stream().noneMatch(a -> a.id().equals(articleId))) {
      throw new HttpStatusException(
          HttpStatus.BAD_REQUEST, "Reply " + messageId + " did not offer article " + articleId);
    }

    var item = articleId != null ? ARTICLE_ITEM + articleId : MESSAGE_ITEM + messageId;
    var countsFor = articleId != null ? articleId : answeredArticle(message);
    var now = now();
    var previous = repository.findByConversationIdAndItem(conversationId, item);
    Feedback stored;
    if (previous.isPresent()) {
      stored =
          repository.update(
              previous.get().changed(request.vote(), request.reason(), countsFor, now));
    } else {
      stored =
          repository.save(
              new Feedback(
                  Ids.newId(),
                  conversationId,
                  item,
                  messageId,
                  countsFor,
                  request.vote().json(),
                  request.reason() == null ? null : request.reason().json(),
                  now,
                  now));
    }
    // Tickets keep the ratings with the conversation, and "still not fixed" after a thumbs down
    // offers a person; the ranking prior counts votes on articles.
    events.publishEvent(new VotesChanged(conversationId, countsFor, request.vote()));
    return Optional.of(
        new FeedbackReceipt(
            stored.id(),
            stored.messageId(),
            countsFor,
            request.vote(),
            request.reason(),
            previous.isPresent()));
  }

  /**
   * The article a rated reply stands for: the first article of an answer. A "did you mean A or B?"
   * offers two and says nothing about either, and other replies offer none.
   */
  static @Nullable String answeredArticle(@Nullable Transcript.Entry message) {
    if (message == null || message.type() != ReplyType.ANSWER || message.articles().isEmpty())
      return null;
    return message.articles().get(0).id();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
