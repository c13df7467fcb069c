package io.tierzero.kb.eval;

import io.tierzero.kb.search.Ranking.Calibration;
import java.util.List;

/**
 * Fits the confidence model: logistic regression of "the first hit is relevant" on the evidence
 * (similarity, coverage, margin), then the answer threshold that answers the most in-scope
 * questions while abstaining on the most out-of-scope ones (the largest sum of answer rate and
 * abstain rate).
 */
public final class Calibrator {
  /** One question's evidence and what was true of it. */
  public record Sample(
      double similarity, double coverage, double margin, boolean correct, boolean inScope) {}

  /** Mild L2 keeps weights finite when the dev data separates perfectly. */
  private static final double L2 = 1e-3;

  private static final int ITERATIONS = 5000;
  private static final double LEARNING_RATE = 0.5;

  private Calibrator() {}

  /**
   * @param useSimilarity, useCoverage, useMargin which evidence the mode has
   */
  public static Calibration fit(
      List<Sample> samples, boolean useSimilarity, boolean useCoverage, boolean useMargin) {
    int n = samples.size();
    double[][] x = new double[n][3];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      Sample s = samples.get(i);
      x[i][0] = useSimilarity ? s.similarity() : 0;
      x[i][1] = useCoverage ? s.coverage() : 0;
      x[i][2] = useMargin ? s.margin() : 0;
      y[i] = s.correct() ? 1 : 0;
    }
    double[] w = new double[3];
    double b = 0;
    for (int it = 0; it < ITERATIONS; it++) {
      double[] gw = new double[3];
      double gb = 0;
      for (int i = 0; i < n; i++) {
        double z = b + w[0] * x[i][0] + w[1] * x[i][1] + w[2] * x[i][2];
        double err = 1 / (1 + Math.exp(-z)) - y[i];
        for (int j = 0; j < 3; j++) gw[j] += err * x[i][j];
        gb += err;
      }
      for (int j = 0; j < 3; j++) w[j] -= LEARNING_RATE * (gw[j] / n + L2 * w[j]);
      b -= LEARNING_RATE * gb / n;
    }
    var fitted = new Calibration(round(b), round(w[0]), round(w[1]), round(w[2]), 0.5);
    return new Calibration(
        fitted.bias(),
        fitted.similarity(),
        fitted.coverage(),
        fitted.margin(),
        threshold(samples, fitted));
  }

  /** The threshold with the largest answer rate + abstain rate; ties go to the lower threshold. */
  static double threshold(List<Sample> samples, Calibration c) {
    double best = 0.5;
    double bestScore = -1;
    long in = samples.stream().filter(Sample::inScope).count();
    long out = samples.size() - in;
    for (int step = 1; step < 100; step++) {
      double t = step / 100.0;
      long answered = 0;
      long abstained = 0;
      for (Sample s : samples) {
        boolean answer = confidence(c, s) >= t;
        if (s.inScope() && answer) answered++;
        if (!s.inScope() && !answer) abstained++;
      }
      double score =
          (in == 0 ? 0 : (double) answered / in) + (out == 0 ? 0 : (double) abstained / out);
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = t;
      }
    }
    return best;
  }

  public static double confidence(Calibration c, Sample s) {
    return c.confidence(s.similarity(), s.coverage(), s.margin());
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
