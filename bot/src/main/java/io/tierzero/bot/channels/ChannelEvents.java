package io.tierzero.bot.channels;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Events already taken, so a platform's retry of the same event (Slack retries when an answer is
 * slow or lost) is answered once, by whichever instance got it first: the database decides.
 */
@Singleton
public class ChannelEvents {
  /**
   * Slack retries for about an hour at most (three retries, the last after five minutes); a day is
   * plenty. A mail is marked read once answered; a second copy of it arriving over a day later
   * would be answered again.
   */
  static final Duration KEEP = Duration.ofDays(1);

  private final ChannelEventRepository repository;
  private final Clock clock;

  ChannelEvents(ChannelEventRepository repository, Clock clock) {

    this.clock = clock;
    this.repository = repository;
  }

  /** True the first time {@code eventId} arrives on {@code channel}, false for every retry. */
  public boolean firstDelivery(String channel, String eventId) {
    var id = channel + "|" + eventId;
    if (id.length() > 250 || repository.existsById(id)) return false;
    try {
      // Without a surrounding transaction (Slack) a duplicate key fails this insert alone; inside
      // one (the email channel takes a mail with its turn) it fails that transaction, which then
      // has taken nothing.
      repository.save(new ChannelEvent(id, clock.instant().truncatedTo(ChronoUnit.MICROS)));
      return true;
    } catch (DataAccessException e) {
      return false;
    }
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "10m")
  void purge() {
    repository.deleteByReceivedAtLessThan(clock.instant().minus(KEEP));
  }
}
