package io.tierzero.kb.intent;

import io.tierzero.kb.embed.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors of intent examples, keyed by a hash of model and text like passage vectors: re-reading
 * the intents after an edit embeds only the examples that changed. With a file, the vectors also
 * outlive the process: a restart on unchanged intents embeds nothing (the repository's ~800
 * examples were embedded again on every start, the largest part of opening an up-to-date knowledge
 * base after loading the model).
 */
public final class ExampleVectors {
  private static final Logger LOG = LoggerFactory.getLogger(ExampleVectors.class);

  /** Format tag and version of the file; another one is ignored and rewritten. */
  private static final int MAGIC = 0x545a4556; // "TZEV"

  private static final int VERSION = 1;

  private final Embedder embedder;
  private final Path file;
  private final ConcurrentHashMap<String, float[]> cache = new ConcurrentHashMap<>();

  /** Vectors kept in memory only. */
  public ExampleVectors(Embedder embedder) {
    this(embedder, null);
  }

  /**
   * Vectors kept in memory and in {@code file} (read now when it exists, rewritten whenever an
   * example had to be embedded). A missing, unreadable or foreign file only costs the embedding.
   */
  public ExampleVectors(Embedder embedder, Path file) {
    if (embedder == null) throw new IllegalArgumentException("embedder must not be null");
    this.embedder = embedder;
    this.file = file;
    if (file != null) read();
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
      // Only the examples in use: vectors of edited-away examples do not pile up in the file.
      write(new LinkedHashSet<>(keys));
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

  private void read() {
    try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) return;
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        var key = in.readUTF();
        var vector = new float[in.readInt()];
        for (int j = 0; j < vector.length; j++) vector[j] = in.readFloat();
        // The key hashes the model's name with the text, so another model's vectors never match.
        cache.put(key, vector);
      }
    } catch (NoSuchFileException e) {
      // First start: nothing kept yet.
    } catch (IOException | RuntimeException e) {
      cache.clear();
      LOG.warn(
          "Intent example vectors in {} unreadable ({}); embedding them again", file, e.toString());
    }
  }

  private void write(LinkedHashSet<String> keys) {
    if (file == null) return;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      var temp =
          Files.createTempFile(
              file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
      try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(keys.size());
        for (var key : keys) {
          var vector = cache.get(key);
          out.writeUTF(key);
          out.writeInt(vector.length);
          for (float v : vector) out.writeFloat(v);
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // The vectors are still in memory; the next start embeds them again.
      LOG.warn("Could not keep intent example vectors in {}: {}", file, e.toString());
    }
  }
}
