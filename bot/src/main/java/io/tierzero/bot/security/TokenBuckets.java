package io.tierzero.bot.security;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a client address, a conversation id). Thread-safe; each bucket is locked on
 * its own, so keys never wait for each other.
 */
final class TokenBuckets {
  private final double capacity;
  private final double perNano;
  private final int maxBuckets;
  private final LongSupplier clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  TokenBuckets(int capacity, int perMinute, int maxBuckets, LongSupplier nanoClock) {
    this.capacity = capacity;
    this.perNano = perMinute / 60e9;
    this.maxBuckets = maxBuckets;
    this.clock = nanoClock;
  }

  /**
   * Takes one token for {@code key}: 0 when granted, otherwise the whole seconds (at least 1) until
   * a token is back.
   */
  long take(String key) {
    var now = clock.getAsLong();
    if (buckets.size() >= maxBuckets) dropIdle(now);
    var bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.refill(now, capacity, perNano);
      bucket.used = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      var nanos = (1 - bucket.tokens) / perNano;
      return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
  }

  int size() {
    return buckets.size();
  }

  /** A full bucket behaves exactly like a new one, so forgetting it loses nothing. */
  private void dropIdle(long now) {
    buckets
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                e.getValue().refill(now, capacity, perNano);
                return e.getValue().tokens >= capacity;
              }
            });
    // Still full of busy buckets (a flood of distinct keys): forget the longest unused tenth, not
    // the lot, so a flood never hands a fresh bucket to the keys in use (the flooder's included).
    if (buckets.size() >= maxBuckets) {
      int excess = buckets.size() - maxBuckets + Math.max(1, maxBuckets / 10);
      buckets.entrySet().stream()
          .sorted(Comparator.comparingLong(e -> lastUsed(e.getValue())))
          .limit(excess)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(buckets::remove);
    }
  }

  private static long lastUsed(Bucket bucket) {
    synchronized (bucket) {
      return bucket.used;
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    /** When a token was last asked for: the least recently used are forgotten first. */
    long used;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
      this.used = at;
    }

    void refill(long now, double capacity, double perNano) {
      if (now > at) {
        tokens = Math.min(capacity, tokens + (now - at) * perNano);
        at = now;
      }
    }
  }
}
