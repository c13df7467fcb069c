package io.tierzero.bot.kb;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.event.annotation.EventListener;
import io.tierzero.kb.KnowledgeBase;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the knowledge base on its own thread from the first moment of the start, so loading the
 * embedding model, checking the index and reading the intents' vectors (about half of a start) run
 * while the database, Flyway and the HTTP server come up. Whoever needs the {@link KnowledgeBase}
 * bean waits for it, so a question that arrives early is answered late rather than wrongly; health
 * says DOWN until it is {@linkplain #serving() serving}.
 *
 * <p>First of the beans created at start ({@code @Order}), so the open begins before the database
 * pool and Flyway, which other start-up beans pull in.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class KnowledgeBaseOpening implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseOpening.class);

  private final BeanContext context;
  private final CompletableFuture<KnowledgeBase> opened = new CompletableFuture<>();

  /** Completed once the bean exists: its creation listeners (flows, ratings) have run. */
  private final CompletableFuture<KnowledgeBase> serving = new CompletableFuture<>();

  private final Thread opener;
  private final boolean openBeforeServing;

  KnowledgeBaseOpening(KbConfiguration config, BeanContext context) {
    this.context = context;
    this.openBeforeServing = config.openBeforeServing();
    var articles = config.articlesPath();
    // Checked here, not on the thread: a wrong path still stops the start with this message.
    if (!Files.isDirectory(articles)) {
      throw new IllegalStateException(
          "No articles folder at "
              + articles
              + ": run from the repository root or set tierzero.kb.articles-dir"
              + " (TIERZERO_KB_ARTICLES_DIR)");
    }
    this.opener = Thread.ofPlatform().name("kb-open").start(() -> open(config));
  }

  private void open(KbConfiguration config) {
    var articles = config.articlesPath();
    long start = System.nanoTime();
    try {
      var kb = KnowledgeBase.open(config.kbConfig());
      for (var problem : kb.lastBuild().problems()) LOG.warn("Article skipped: {}", problem);
      if (kb.articles().isEmpty()) {
        LOG.warn(
            "No articles found in {}: every question will go unanswered and /health reports DOWN",
            articles);
      }
      // The passages embedded tell a start that reused its index from one that rebuilt it.
      LOG.info(
          "Knowledge base ready: {} articles from {} ({} ranking, {} passages embedded) in {} ms",
          kb.articles().size(),
          articles,
          kb.config().mode(),
          kb.lastBuild().embedded(),
          (System.nanoTime() - start) / 1_000_000);
      opened.complete(kb);
    } catch (IOException | RuntimeException e) {
      LOG.error("Cannot open the knowledge base at {}: no question can be answered", articles, e);
      opened.completeExceptionally(e);
      serving.completeExceptionally(e);
    }
  }

  /**
   * Once the context has started, creates the bean on a thread of its own as soon as the open is
   * done, so the flows and the ranking prior are applied before health says UP, not on the first
   * question. With {@code open-before-serving} the start waits here, before the HTTP server opens
   * its port.
   */
  @EventListener
  void onStartup(StartupEvent event) {
    if (openBeforeServing) {
      serving.complete(context.getBean(KnowledgeBase.class));
      return;
    }
    opened.thenAcceptAsync(
        kb -> {
          try {
            serving.complete(context.getBean(KnowledgeBase.class));
          } catch (RuntimeException e) {
            LOG.error("The knowledge base opened but could not be put in service", e);
            serving.completeExceptionally(e);
          }
        },
        task -> Thread.ofPlatform().name("kb-serve").start(task));
  }

  /** The knowledge base, waiting for the open to finish. */
  KnowledgeBase await() {
    try {
      return opened.join();
    } catch (CompletionException e) {
      throw new IllegalStateException(
          "The knowledge base could not be opened: " + e.getCause(), e.getCause());
    }
  }

  /** The knowledge base once it serves questions; empty while it is opening or if it failed. */
  Optional<KnowledgeBase> serving() {
    return serving.isDone() && !serving.isCompletedExceptionally()
        ? Optional.of(serving.join())
        : Optional.empty();
  }

  /** Why the knowledge base does not serve, when its open failed. */
  Optional<Throwable> failure() {
    return opened.isCompletedExceptionally() || serving.isCompletedExceptionally()
        ? Optional.of(
            serving.handle((kb, e) -> e instanceof CompletionException c ? c.getCause() : e).join())
        : Optional.empty();
  }

  @PreDestroy
  @Override
  public void close() throws IOException {
    // A stop during the open waits for it: the index writer must close cleanly.
    try {
      opener.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (opened.isDone() && !opened.isCompletedExceptionally()) opened.join().close();
  }
}
