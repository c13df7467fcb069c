package io.tierzero.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.kb.search.Candidates.Candidate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidatesTest {
  private static final Map<String, Double> BM25 = ordered("a", 10.0, "b", 5.0);
  private static final Map<String, Double> COSINE = ordered("b", 0.8, "c", 0.6);

  @Test
  void hybrid_weighs_cosine_against_bm25_over_the_best_bm25() {
    List<Candidate> ranked = Candidates.fuse(Mode.HYBRID, BM25, COSINE, 0.9, Ratings.NONE);

    assertEquals(List.of("b", "a", "c"), ranked.stream().map(Candidate::id).toList());
    assertEquals(0.9 * 0.8 + 0.1 * 0.5, ranked.get(0).score(), 1e-12);
    // "a" was not among the nearest passages: it counts as close as the farthest one that was.
    assertEquals(0.6, ranked.get(1).similarity(), 1e-12);
    assertEquals(0.9 * 0.6 + 0.1 * 1.0, ranked.get(1).score(), 1e-12);
    assertEquals(0.0, ranked.get(2).bm25());
  }

  @Test
  void each_single_mode_ranks_by_its_own_score() {
    assertEquals(
        List.of("a", "b"),
        Candidates.fuse(Mode.BM25, BM25, Map.of(), 0.9, Ratings.NONE).stream()
            .map(Candidate::id)
            .toList());
    assertEquals(
        List.of("b", "c"),
        Candidates.fuse(Mode.VECTOR, Map.of(), COSINE, 0.9, Ratings.NONE).stream()
            .map(Candidate::id)
            .toList());
  }

  @Test
  void ties_go_to_the_smaller_id() {
    var tied = ordered("z", 1.0, "m", 1.0);
    assertEquals(
        List.of("m", "z"),
        Candidates.fuse(Mode.BM25, tied, Map.of(), 0.9, Ratings.NONE).stream()
            .map(Candidate::id)
            .toList());
  }

  @Test
  void ratings_move_a_near_tie_but_not_a_clear_winner() {
    var near = ordered("liked", 0.700, "disliked", 0.701);
    var ratings =
        new Ratings(
            Map.of(
                "liked", new Ratings.Votes(1000, 0),
                "disliked", new Ratings.Votes(0, 1000)));

    assertEquals("liked", Candidates.fuse(Mode.VECTOR, Map.of(), near, 0.9, ratings).get(0).id());
    var clear = ordered("liked", 0.5, "disliked", 0.7);
    assertEquals(
        "disliked", Candidates.fuse(Mode.VECTOR, Map.of(), clear, 0.9, ratings).get(0).id());
  }

  private static Map<String, Double> ordered(String k1, double v1, String k2, double v2) {
    var map = new LinkedHashMap<String, Double>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
