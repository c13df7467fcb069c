package io.tierzero.kb.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Question vectors with a bounded cache: people ask the same questions again and again, and
 * embedding one costs milliseconds while a lookup costs microseconds.
 */
public final class QueryVectors {
  /** 10,000 vectors of 384 floats take about 15 MB. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final Embedder embedder;
  private final Map<String, float[]> cache;

  public QueryVectors(Embedder embedder, int capacity) {
    if (embedder == null) throw new IllegalArgumentException("embedder must not be null");
    if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
    this.embedder = embedder;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > capacity;
          }
        };
  }

  public float[] get(String question) {
    String key = question.strip().toLowerCase(java.util.Locale.ROOT);
    synchronized (cache) {
      float[] cached = cache.get(key);
      if (cached != null) return cached;
    }
    // Embedded outside the lock so that concurrent questions do not queue behind one another.
    float[] vector = embedder.embedQuery(key);
    synchronized (cache) {
      cache.put(key, vector);
    }
    return vector;
  }

  public int size() {
    synchronized (cache) {
      return cache.size();
    }
  }
}
