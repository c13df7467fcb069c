package io.tierzero.kb.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryVectorsTest {
  /** Counts how often the model is asked. */
  static final class CountingEmbedder implements Embedder {
    final AtomicInteger queries = new AtomicInteger();

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public int dimensions() {
      return 1;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      return texts.stream().map(t -> new float[] {1}).toList();
    }

    @Override
    public float[] embedQuery(String question) {
      queries.incrementAndGet();
      return new float[] {question.length()};
    }
  }

  @Test
  void a_repeated_question_is_embedded_once() {
    var embedder = new CountingEmbedder();
    var vectors = new QueryVectors(embedder, 10);

    float[] first = vectors.get("VPN keeps dropping");
    float[] again = vectors.get("  vpn keeps dropping ");

    assertSame(first, again);
    assertEquals(1, embedder.queries.get());
  }

  @Test
  void keeps_at_most_its_capacity_dropping_the_least_recently_used() {
    var embedder = new CountingEmbedder();
    var vectors = new QueryVectors(embedder, 2);

    vectors.get("a");
    vectors.get("b");
    vectors.get("a");
    vectors.get("c"); // evicts "b", used least recently
    vectors.get("a");
    vectors.get("b");

    assertEquals(2, vectors.size());
    assertEquals(4, embedder.queries.get());
  }
}
