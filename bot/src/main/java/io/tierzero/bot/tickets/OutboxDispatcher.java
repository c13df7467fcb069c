package io.tierzero.bot.tickets;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers tickets from the outbox in the background. Each due row is claimed for one attempt (a
 * lease, so several instances never send the same row at once), handed to its sink, then marked
 * delivered or rescheduled with exponential back-off. Nothing is held in memory between polls: a
 * restart, at any point, only means an attempt is repeated with the same idempotency key.
 *
 * <p>Each sink drains its own rows on its own thread: a receiver that hangs until its timeout, or
 * is down for a day, holds up only its own deliveries, never another sink's.
 */
@Singleton
public class OutboxDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  /**
   * Every this many failures of one delivery, log at WARN, so a long outage is visible but not
   * noisy.
   */
  private static final int WARN_EVERY = 10;

  private final TicketDeliveryRepository deliveries;
  private final TicketQueries tickets;
  private final List<Worker> workers;
  private final OutboxConfiguration config;
  private final Clock clock;

  OutboxDispatcher(
      TicketDeliveryRepository deliveries,
      TicketQueries tickets,
      List<TicketSink> sinks,
      OutboxConfiguration config,
      Clock clock) {
    this.clock = clock;
    this.deliveries = deliveries;
    this.tickets = tickets;
    this.workers = sinks.stream().map(Worker::new).toList();
    this.config = config;
  }

  /** Wakes every sink's worker that is not still busy with its last batch. */
  @Scheduled(
      fixedDelay = "${" + OutboxConfiguration.PREFIX + ".poll-interval:1s}",
      initialDelay = "${" + OutboxConfiguration.PREFIX + ".initial-delay:1s}")
  void poll() {
    for (var worker : workers) worker.wake();
  }

  @PreDestroy
  void stop() throws InterruptedException {
    // Interrupts attempts under way (a hanging webhook): each is recorded as failed, or, when
    // that can no longer be written, retried once its lease ends.
    for (var worker : workers) worker.thread.shutdownNow();
    for (var worker : workers) worker.thread.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** One sink, the thread its attempts run on, and whether a batch is under way there. */
  private final class Worker {
    final TicketSink sink;
    final ExecutorService thread;
    final AtomicBoolean busy = new AtomicBoolean();

    Worker(TicketSink sink) {
      this.sink = sink;
      this.thread =
          Executors.newSingleThreadExecutor(
              Thread.ofPlatform().daemon().name("outbox-" + sink.name()).factory());
    }

    void wake() {
      if (!busy.compareAndSet(false, true)) return;
      try {
        thread.execute(this::drain);
      } catch (RuntimeException e) { // shutting down
        busy.set(false);
      }
    }

    private void drain() {
      try {
        for (var row : deliveries.findDue(sink.name(), now(), config.batchSize())) {
          if (Thread.currentThread().isInterrupted()) return;
          attempt(sink, row);
        }
      } catch (RuntimeException e) {
        // The database may be briefly unreachable; the next poll tries again.
        LOG.warn("Ticket outbox poll for {} failed: {}", sink.name(), e.toString());
      } finally {
        busy.set(false);
      }
    }
  }

  private void attempt(TicketSink sink, TicketDelivery row) {
    var now = now();
    if (deliveries.claim(row.id(), row.attempts(), now, now.plus(config.lease())) != 1) return;
    int attempt = row.attempts() + 1;
    try {
      var message = tickets.message(row.ticketId(), row.updateId(), row.idempotencyKey());
      if (message.isEmpty())
        throw new IllegalStateException("ticket " + row.ticketId() + " is gone");
      sink.deliver(message.get(), attempt);
      deliveries.update(row.delivered(attempt, now()));
      LOG.info(
          "Ticket {} {} delivered to {} (attempt {})",
          message.get().ticket().number(),
          row.event(),
          row.sink(),
          attempt);
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      var wait = config.backoff(attempt);
      var error = e.toString();
      deliveries.update(
          row.failed(
              attempt, now().plus(wait), error.length() > 1000 ? error.substring(0, 1000) : error));
      if (attempt % WARN_EVERY == 1) {
        LOG.warn(
            "Ticket delivery {} to {} failed (attempt {}), next in {}: {}",
            row.ticketId(),
            row.sink(),
            attempt,
            wait,
            error);
      } else {
        LOG.debug(
            "Ticket delivery {} to {} failed (attempt {}): {}",
            row.ticketId(),
            row.sink(),
            attempt,
            error);
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
