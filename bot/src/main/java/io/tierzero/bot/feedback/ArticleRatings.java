package io.tierzero.bot.feedback;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.search.Ratings;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the votes in the database to the knowledge base as its ranking prior ({@link
 * KnowledgeBase#useRatings}): once at start, then after votes change, debounced. Votes are counted
 * per conversation: a user who rated an answer and then its article page counts once for the
 * article, with their latest vote.
 */
@Context
public class ArticleRatings implements BeanCreatedEventListener<KnowledgeBase>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleRatings.class);

  private final FeedbackRepository repository;

  /** Asked for on each refresh: the knowledge base opens while the rest of the bot starts. */
  private final BeanProvider<KnowledgeBase> kb;

  private final Duration debounce;
  private final ScheduledExecutorService scheduler;
  private volatile Ratings current = Ratings.NONE;
  private volatile Map<String, Ratings.Votes> votes = Map.of();

  /** Refresh requests so far, and the latest request a finished refresh has covered. */
  private long requested;

  private long applied;
  private ScheduledFuture<?> pending;

  ArticleRatings(
      FeedbackRepository repository, BeanProvider<KnowledgeBase> kb, FeedbackConfiguration config) {
    this.repository = repository;
    this.kb = kb;
    this.debounce = config.ratingsDebounce();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("kb-ratings").unstarted(r));
  }

  /** The first prior, as the knowledge base is put in service: before its first question. */
  @Override
  public KnowledgeBase onCreated(BeanCreatedEvent<KnowledgeBase> event) {
    refresh(event.getBean());
    return event.getBean();
  }

  /** After the vote's transaction commits: a refresh before then would not see it. */
  @TransactionalEventListener
  void onVotesChanged(VotesChanged event) {
    // A vote on a reply that stands for no article leaves the prior as it is.
    if (event.articleId() == null) return;
    synchronized (this) {
      requested++;
      if (pending != null) pending.cancel(false);
      if (!scheduler.isShutdown()) {
        pending = scheduler.schedule(this::refreshNow, debounce.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Reads every vote and hands the knowledge base a new prior. */
  public void refreshNow() {
    refresh(kb.get());
  }

  private void refresh(KnowledgeBase kb) {
    long covering;
    synchronized (this) {
      covering = requested;
    }
    try {
      var counted = count(repository.findByArticleIdIsNotNull());
      var ratings = new Ratings(counted);
      kb.useRatings(ratings);
      votes = counted;
      current = ratings;
      LOG.debug("Ranking prior refreshed: votes on {} articles", counted.size());
    } catch (RuntimeException e) {
      LOG.warn("Could not refresh the ranking prior; the previous one stays", e);
    } finally {
      synchronized (this) {
        applied = Math.max(applied, covering);
        notifyAll();
      }
    }
  }

  /** The prior the knowledge base uses now. */
  public Ratings current() {
    return current;
  }

  /** Votes per article behind {@link #current()}. */
  public Map<String, Ratings.Votes> votes() {
    return votes;
  }

  /**
   * Waits until every vote stored before this call is in the prior (or {@code timeout} passes);
   * true when it is. For tests and tools: the bot itself never waits.
   */
  public boolean awaitRefreshed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      long target = requested;
      while (applied < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }

  /** The latest vote of each conversation on each article, counted per article. */
  static Map<String, Ratings.Votes> count(List<Feedback> rows) {
    var latest = new HashMap<String, Feedback>();
    for (var row : rows) {
      latest.merge(
          row.conversationId() + "\n" + row.articleId(),
          row,
          (a, b) -> b.updatedAt().isAfter(a.updatedAt()) ? b : a);
    }
    var up = new HashMap<String, Long>();
    var down = new HashMap<String, Long>();
    for (var row : latest.values()) {
      (Vote.fromJson(row.vote()) == Vote.UP ? up : down).merge(row.articleId(), 1L, Long::sum);
    }
    var counted = new HashMap<String, Ratings.Votes>();
    for (var row : latest.values()) {
      var id = row.articleId();
      counted.put(id, new Ratings.Votes(up.getOrDefault(id, 0L), down.getOrDefault(id, 0L)));
    }
    return Map.copyOf(counted);
  }

  @PreDestroy
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
