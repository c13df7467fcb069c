package io.tierzero.kb.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;

/**
 * Question vectors with a bounded cache: people ask the same questions again and again, and
 * embedding one costs milliseconds while a lookup costs microseconds.
 */
public final class QueryVectors {
  /** 10,000 vectors of 384 floats take about 15 MB. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final Embedder embedder;
  private final Cache<String, float[]> cache;

  public QueryVectors(Embedder embedder, int capacity) {
    if (embedder == null) throw new IllegalArgumentException("embedder must not be null");
    if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
    this.embedder = embedder;
    // Eviction runs on the calling thread, so the bound holds at once rather than eventually.
    this.cache = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
  }

  /**
   * The question's vector. Concurrent askers of the same question wait for one embedding; other
   * questions do not queue behind it.
   */
  public float[] get(String question) {
    return cache.get(question.strip().toLowerCase(Locale.ROOT), embedder::embedQuery);
  }

  public int size() {
    cache.cleanUp();
    return (int) cache.estimatedSize();
  }
}
