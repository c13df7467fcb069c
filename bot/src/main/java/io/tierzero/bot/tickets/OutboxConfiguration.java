package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the outbox dispatcher retries. The n-th failed attempt waits {@code initialBackoff *
 * 2^(n-1)}, at most {@code maxBackoff}, and attempts never stop: a helpdesk that is down for a day
 * gets its tickets when it is back. The poll interval is {@code
 * tierzero.tickets.outbox.poll-interval} (default 1s), read by the scheduler.
 *
 * @param lease how long one attempt may take before another dispatcher may retry it; longer than
 *     any sink's timeout
 * @param batchSize deliveries taken per poll
 */
@ConfigurationProperties(OutboxConfiguration.PREFIX)
public record OutboxConfiguration(
    @Bindable(defaultValue = "5s") Duration initialBackoff,
    @Bindable(defaultValue = "1h") Duration maxBackoff,
    @Bindable(defaultValue = "2m") Duration lease,
    @Bindable(defaultValue = "20") int batchSize) {
  public static final String PREFIX = "tierzero.tickets.outbox";

  /** The wait after the {@code attempts}-th failure. */
  Duration backoff(int attempts) {
    var wait = initialBackoff;
    for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++)
      wait = wait.multipliedBy(2);
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
