package io.tierzero.bot.kb;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.tierzero.kb.BuildReport;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.parse.Problem;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the knowledge base when agents edit {@code articles/} (flows and intents included) while
 * the bot runs, then tells the rest of the bot ({@link KnowledgeBaseRebuilt}).
 *
 * <p>Events are debounced (one rebuild per burst of saves) and rebuilds run one at a time on a
 * single thread. The library swaps the index atomically and keeps serving the previous version of a
 * broken article, so searches never wait and never see half an update; this class only reports what
 * the rebuild found.
 */
@Context
@Requires(property = KbConfiguration.PREFIX + ".watch", notEquals = "false")
public final class ArticleWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleWatcher.class);

  /** Asked for at each rebuild, not at start: the watch begins while the knowledge base opens. */
  private final BeanProvider<KnowledgeBase> kb;

  private final ApplicationEventPublisher<KnowledgeBaseRebuilt> events;
  private final Path root;
  private final Duration debounce;
  private final WatchService watchService;
  private final ScheduledExecutorService rebuilder;
  private final Thread listener;
  private final AtomicLong rebuilds = new AtomicLong();
  private volatile BuildReport lastReport;
  private ScheduledFuture<?> pending;

  ArticleWatcher(
      BeanProvider<KnowledgeBase> kb,
      KbConfiguration config,
      ApplicationEventPublisher<KnowledgeBaseRebuilt> events) {
    this.kb = kb;
    this.events = events;
    this.root = config.articlesPath();
    this.debounce = config.debounce();
    try {
      this.watchService = root.getFileSystem().newWatchService();
      registerTree(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot watch " + root, e);
    }
    this.rebuilder =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name("kb-rebuild").unstarted(runnable));
    this.listener = Thread.ofPlatform().daemon().name("kb-watch").start(this::listen);
    LOG.info("Watching {} for article changes", root);
  }

  /** How many rebuilds have finished (successfully or not) since start. */
  public long rebuilds() {
    return rebuilds.get();
  }

  /** The report of the last finished rebuild, if any. */
  public Optional<BuildReport> lastReport() {
    return Optional.ofNullable(lastReport);
  }

  private void listen() {
    try {
      while (true) {
        WatchKey key = watchService.take();
        var dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
          if (event.kind() == ENTRY_CREATE) {
            var created = dir.resolve((Path) event.context());
            // A new topic folder: its files must be watched too.
            if (Files.isDirectory(created)) registerTree(created);
          }
          if (event.kind() == OVERFLOW) LOG.debug("Watch events overflowed under {}", dir);
        }
        key.reset();
        scheduleRebuild();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Shutting down.
    } catch (IOException e) {
      LOG.error("Stopped watching {}: {}", root, e.toString());
    }
  }

  private synchronized void scheduleRebuild() {
    if (pending != null) pending.cancel(false);
    if (!rebuilder.isShutdown()) {
      pending = rebuilder.schedule(this::rebuild, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void rebuild() {
    try {
      var report = kb.get().rebuild();
      lastReport = report;
      for (Problem problem : report.problems()) {
        LOG.warn("Article not updated, previous version keeps serving: {}", problem);
      }
      LOG.info(
          "Knowledge base rebuilt in {} ms: {} articles ({} added, {} updated, {} removed, {}"
              + " problems)",
          report.millis(),
          report.articles(),
          report.added(),
          report.updated(),
          report.removed(),
          report.problems().size());
      if (report.articles() == 0)
        LOG.warn("No articles left in {}: every question will go unanswered", root);
      events.publishEvent(new KnowledgeBaseRebuilt(report));
    } catch (IOException | RuntimeException e) {
      LOG.error("Knowledge base rebuild failed; the previous index keeps serving", e);
    } finally {
      rebuilds.incrementAndGet();
    }
  }

  private void registerTree(Path dir) throws IOException {
    try (Stream<Path> dirs = Files.walk(dir)) {
      for (var d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        d.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      }
    }
  }

  @PreDestroy
  @Override
  public void close() {
    rebuilder.shutdownNow();
    try {
      watchService.close();
    } catch (IOException e) {
      LOG.debug("Closing the watch service", e);
    }
    listener.interrupt();
  }
}
