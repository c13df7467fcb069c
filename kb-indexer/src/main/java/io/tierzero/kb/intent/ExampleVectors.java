package io.tierzero.kb.intent;

import io.tierzero.kb.embed.Embedder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vectors of intent examples, keyed by a hash of model and text like passage vectors: re-reading
 * the intents after an edit embeds only the examples that changed.
 */
public final class ExampleVectors {
  private final Embedder embedder;
  private final ConcurrentHashMap<String, float[]> cache = new ConcurrentHashMap<>();

  public ExampleVectors(Embedder embedder) {
    this.embedder = embedder;
  }

  public Embedder embedder() {
    return embedder;
  }

  /** One vector per text, in order; only texts not seen before are embedded (in one batch). */
  public List<float[]> of(List<String> texts) {
    var keys = texts.stream().map(this::key).toList();
    var missing = new ArrayList<String>();
    var missingKeys = new ArrayList<String>();
    for (int i = 0; i < texts.size(); i++) {
      if (!cache.containsKey(keys.get(i)) && !missingKeys.contains(keys.get(i))) {
        missing.add(texts.get(i));
        missingKeys.add(keys.get(i));
      }
    }
    if (!missing.isEmpty()) {
      var vectors = embedder.embedPassages(missing);
      for (int i = 0; i < missing.size(); i++) cache.put(missingKeys.get(i), vectors.get(i));
    }
    return keys.stream().map(cache::get).toList();
  }

  public int size() {
    return cache.size();
  }

  private String key(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(embedder.name().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
