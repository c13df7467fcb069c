package io.tierzero.kb.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTest {
  /**
   * Hand-checked fixture. In scope: q1 relevant at rank 1 (answered), q2 relevant at rank 3
   * (answered), q3 two relevant at ranks 2 and 6 (abstained), q4 relevant not found (answered). Out
   * of scope: o1 abstained, o2 answered.
   *
   * <p>P@1 = 1/4. MRR = (1 + 1/3 + 1/2 + 0) / 4 = 0.4583. nDCG: q1 1; q2 (1/log2 4) / 1 = 0.5; q3
   * (1/log2 3 + 1/log2 7) / (1 + 1/log2 3) = (0.63093 + 0.35621) / 1.63093 = 0.60526; q4 0; mean
   * 0.52632. Recall@5: q1 1, q2 1, q3 1/2 (rank 6 is outside), q4 0: 0.625. Answer rate 3/4; answer
   * precision: of q1, q2, q4 answered only q1 has the relevant first = 1/3. Abstain 1/2.
   */
  @Test
  void computes_every_figure_on_a_hand_checked_fixture() {
    var outcomes =
        List.of(
            new Metrics.Outcome(List.of("a", "x", "y"), Set.of("a"), true),
            new Metrics.Outcome(List.of("x", "y", "b"), Set.of("b"), true),
            new Metrics.Outcome(List.of("x", "c", "y", "z", "w", "d"), Set.of("c", "d"), false),
            new Metrics.Outcome(List.of("x", "y"), Set.of("e"), true),
            new Metrics.Outcome(List.of("x"), Set.of(), false),
            new Metrics.Outcome(List.of("x"), Set.of(), true));

    Map<String, Object> m = Metrics.of(outcomes);

    assertEquals(6, m.get("n"));
    assertEquals(0.25, m.get("p_at_1"));
    assertEquals(0.4583, m.get("mrr_at_10"));
    assertEquals(0.5263, m.get("ndcg_at_10"));
    assertEquals(0.625, m.get("recall_at_5"));
    assertEquals(0.75, m.get("answer_rate"));
    assertEquals(0.3333, m.get("answer_precision"));
    assertEquals(0.5, m.get("abstain_rate"));
  }

  @Test
  void leaves_out_figures_with_nothing_to_count() {
    Map<String, Object> m = Metrics.of(List.of(new Metrics.Outcome(List.of("x"), Set.of(), false)));

    assertFalse(m.containsKey("p_at_1"));
    assertEquals(1.0, m.get("abstain_rate"));
  }
}
