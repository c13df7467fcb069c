package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tierzero.kb.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorCacheTest {
  /** Records what it was asked to embed; a text's vector is its length. */
  static final class CountingEmbedder implements Embedder {
    final List<String> embedded = new ArrayList<>();
    final String name;
    int calls;

    CountingEmbedder(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int dimensions() {
      return 1;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      calls++;
      embedded.addAll(texts);
      return texts.stream().map(t -> new float[] {t.length()}).toList();
    }

    @Override
    public float[] embedQuery(String question) {
      return new float[] {question.length()};
    }
  }

  @Test
  void embeds_each_distinct_text_once_and_only_what_is_not_stored() {
    var model = new CountingEmbedder("m");
    var cache = new VectorCache(model);
    Map<String, float[]> stored = Map.of(cache.key("stored"), new float[] {42});

    var vectors = cache.vectors(List.of("stored", "new", "new", "other"), stored, Progress.NONE);

    assertEquals(List.of("new", "other"), model.embedded);
    assertEquals(2, vectors.embedded());
    assertArrayEquals(new float[] {42}, vectors.byKey().get(cache.key("stored")));
    assertArrayEquals(new float[] {3}, vectors.byKey().get(cache.key("new")));
  }

  @Test
  void the_key_names_the_model_so_another_model_embeds_again() {
    assertNotEquals(
        new VectorCache(new CountingEmbedder("a")).key("text"),
        new VectorCache(new CountingEmbedder("b")).key("text"));
  }

  @Test
  void asks_the_model_in_batches() {
    var model = new CountingEmbedder("m");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i <= VectorCache.BATCH; i++) texts.add("t" + i);

    new VectorCache(model).vectors(texts, Map.of(), Progress.NONE);

    assertEquals(2, model.calls);
  }
}
