package io.tierzero.bot.security;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Failed sign-ins per account and per client address; see {@link SignInThrottleConfiguration}. */
@Singleton
public class SignInThrottle {
  /**
   * Request attribute: seconds until sign-in is allowed again, set when one was refused unchecked.
   */
  public static final String RETRY_AFTER = "tierzero.sign-in.retry-after";

  private static final class Count {
    int failures;
    int lockouts;
    Instant lockedUntil = Instant.MIN;
  }

  private final SignInThrottleConfiguration config;
  private final Clock clock;
  private final Map<String, Count> counts;

  SignInThrottle(SignInThrottleConfiguration config, Clock clock) {

    this.clock = clock;
    this.config = config;
    this.counts =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > config.maxEntries();
          }
        };
  }

  /** How long sign-in stays refused for this account or address, or empty when it may be tried. */
  public synchronized Optional<Duration> refusedFor(String account, String address) {
    var now = clock.instant();
    var until = Instant.MIN;
    for (var key : new String[] {"a:" + account, "ip:" + address}) {
      var count = counts.get(key);
      if (count != null && count.lockedUntil.isAfter(until)) until = count.lockedUntil;
    }
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  public synchronized void failed(String account, String address) {
    fail("a:" + account, config.accountFailures());
    fail("ip:" + address, config.addressFailures());
  }

  public synchronized void succeeded(String account) {
    counts.remove("a:" + account);
  }

  private void fail(String key, int limit) {
    var count = counts.computeIfAbsent(key, k -> new Count());
    if (++count.failures < limit) return;
    count.failures = 0;
    count.lockouts++;
    var lockout = config.lockout().multipliedBy(1L << Math.min(count.lockouts - 1, 20));
    if (lockout.compareTo(config.maxLockout()) > 0) lockout = config.maxLockout();
    count.lockedUntil = clock.instant().plus(lockout);
  }
}
