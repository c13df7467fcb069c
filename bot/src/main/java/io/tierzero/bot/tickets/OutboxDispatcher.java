package io.tierzero.bot.tickets;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers tickets from the outbox in the background. Each due row is claimed for one attempt
 * (a lease, so several instances never send the same row at once), handed to its sink, then
 * marked delivered or rescheduled with exponential back-off. Nothing is held in memory between
 * polls: a restart, at any point, only means an attempt is repeated with the same idempotency
 * key.
 */
@Singleton
public class OutboxDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  /** Every this many failures of one delivery, log at WARN, so a long outage is visible but not noisy. */
  private static final int WARN_EVERY = 10;

  private final TicketDeliveryRepository deliveries;
  private final TicketService tickets;
  private final Map<String, TicketSink> sinks;
  private final OutboxConfiguration config;
  private final Clock clock = Clock.systemUTC();

  OutboxDispatcher(
      TicketDeliveryRepository deliveries,
      TicketService tickets,
      List<TicketSink> sinks,
      OutboxConfiguration config) {
    this.deliveries = deliveries;
    this.tickets = tickets;
    this.sinks = sinks.stream().collect(Collectors.toUnmodifiableMap(TicketSink::name, Function.identity()));
    this.config = config;
  }

  @Scheduled(
      fixedDelay = "${" + OutboxConfiguration.PREFIX + ".poll-interval:1s}",
      initialDelay = "${" + OutboxConfiguration.PREFIX + ".initial-delay:1s}")
  void poll() {
    try {
      dispatchDue();
    } catch (RuntimeException e) {
      // The database may be briefly unreachable; the next poll tries again.
      LOG.warn("Ticket outbox poll failed: {}", e.toString());
    }
  }

  /** Attempts every due delivery once; returns how many were delivered. */
  public int dispatchDue() {
    if (sinks.isEmpty()) return 0;
    int delivered = 0;
    for (var row : deliveries.findDue(now(), config.batchSize())) {
      if (attempt(row)) delivered++;
    }
    return delivered;
  }

  private boolean attempt(TicketDelivery row) {
    var sink = sinks.get(row.sink());
    if (sink == null) return false; // a sink since removed from the configuration: keep the row
    var now = now();
    if (deliveries.claim(row.id(), row.attempts(), now, now.plus(config.lease())) != 1) return false;
    int attempt = row.attempts() + 1;
    try {
      var message = tickets.message(row.ticketId(), row.updateId(), row.idempotencyKey());
      if (message.isEmpty()) throw new IllegalStateException("ticket " + row.ticketId() + " is gone");
      sink.deliver(message.get(), attempt);
      deliveries.update(row.delivered(attempt, now()));
      LOG.info("Ticket {} {} delivered to {} (attempt {})", message.get().ticket().number(), row.event(), row.sink(), attempt);
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      var wait = config.backoff(attempt);
      var error = e.toString();
      deliveries.update(row.failed(attempt, now().plus(wait), error.length() > 1000 ? error.substring(0, 1000) : error));
      if (attempt % WARN_EVERY == 1) {
        LOG.warn("Ticket delivery {} to {} failed (attempt {}), next in {}: {}", row.ticketId(), row.sink(), attempt, wait, error);
      } else {
        LOG.debug("Ticket delivery {} to {} failed (attempt {}): {}", row.ticketId(), row.sink(), attempt, error);
      }
      return false;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
