package io.tierzero.kb.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval and decision quality over a set of questions. Ranking figures (P@1, MRR@10, nDCG@10
 * with binary gain, recall@5) and the answer figures count in-scope questions; the abstain rate
 * counts out-of-scope ones ({@code relevant: []}). A figure with no question to count is absent.
 */
public final class Metrics {
  /** What the system did with one question. */
  public record Outcome(List<String> ranked, Set<String> relevant, boolean answered) {}

  private Metrics() {}

  public static Map<String, Object> of(List<Outcome> outcomes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", outcomes.size());
    List<Outcome> in = outcomes.stream().filter(o -> !o.relevant().isEmpty()).toList();
    List<Outcome> out = outcomes.stream().filter(o -> o.relevant().isEmpty()).toList();
    if (!in.isEmpty()) {
      m.put("p_at_1", round(in.stream().mapToDouble(Metrics::precisionAt1).average().orElse(0)));
      m.put(
          "mrr_at_10", round(in.stream().mapToDouble(Metrics::reciprocalRank).average().orElse(0)));
      m.put("ndcg_at_10", round(in.stream().mapToDouble(Metrics::ndcg).average().orElse(0)));
      m.put("recall_at_5", round(in.stream().mapToDouble(Metrics::recallAt5).average().orElse(0)));
      long answered = in.stream().filter(Outcome::answered).count();
      m.put("answer_rate", round((double) answered / in.size()));
      m.put(
          "answer_precision",
          answered == 0
              ? 0.0
              : round(
                  (double)
                          in.stream()
                              .filter(Outcome::answered)
                              .filter(o -> precisionAt1(o) == 1)
                              .count()
                      / answered));
    }
    if (!out.isEmpty()) {
      m.put(
          "abstain_rate",
          round((double) out.stream().filter(o -> !o.answered()).count() / out.size()));
    }
    return m;
  }

  static double precisionAt1(Outcome o) {
    return !o.ranked().isEmpty() && o.relevant().contains(o.ranked().get(0)) ? 1 : 0;
  }

  static double reciprocalRank(Outcome o) {
    for (int i = 0; i < Math.min(10, o.ranked().size()); i++) {
      if (o.relevant().contains(o.ranked().get(i))) return 1.0 / (i + 1);
    }
    return 0;
  }

  /** Binary gain: DCG of relevant positions over the DCG of all relevant ids ranked first. */
  static double ndcg(Outcome o) {
    double dcg = 0;
    for (int i = 0; i < Math.min(10, o.ranked().size()); i++) {
      if (o.relevant().contains(o.ranked().get(i))) dcg += 1 / log2(i + 2);
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(10, o.relevant().size()); i++) ideal += 1 / log2(i + 2);
    return ideal == 0 ? 0 : dcg / ideal;
  }

  static double recallAt5(Outcome o) {
    long found = o.ranked().stream().limit(5).filter(o.relevant()::contains).distinct().count();
    return (double) found / o.relevant().size();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
