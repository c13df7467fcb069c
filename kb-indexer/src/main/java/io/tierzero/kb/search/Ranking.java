package io.tierzero.kb.search;

import java.util.Arrays;

/**
 * How evidence is weighed: field weights for BM25, fusion of words and meaning, and the confidence
 * model. Each default is named and says where its value comes from; {@code kb-indexer eval} is how
 * a change to any of them is judged.
 *
 * @param vectorWeight weight of the vector similarity against normalised BM25 in hybrid fusion
 * @param clarifyGap the first two hits are "close" when their confidences differ by less
 */
public record Ranking(
    float titleWeight,
    float questionsWeight,
    float summaryWeight,
    float headingsWeight,
    float tagsWeight,
    float bodyWeight,
    double vectorWeight,
    Calibration bm25,
    Calibration vector,
    Calibration hybrid,
    double clarifyGap) {

  /**
   * Confidence that the first hit answers the question: a logistic model of the evidence, {@code 1
   * / (1 + exp(-(bias + similarity * s + coverage * c + margin * m)))}. The weights are fitted by
   * logistic regression on the dev queries ({@code eval --calibrate}), where "answers" means the
   * first hit is a relevant article and out-of-scope questions count as not answered.
   *
   * @param threshold confidence from which the first hit is given as the answer: the one with the
   *     largest answer rate on in-scope plus abstain rate on out-of-scope dev questions
   */
  public record Calibration(
      double bias, double similarity, double coverage, double margin, double threshold) {
    public double confidence(double sim, double cov, double marg) {
      return 1 / (1 + Math.exp(-(bias + similarity * sim + coverage * cov + margin * marg)));
    }
  }

  /**
   * Field weights: a title says what an article is about in a few words, and the ways users ask are
   * the closest thing to the question itself; the rest count once. The vector weight and the
   * calibrations were chosen with {@code kb-indexer eval --mode all --calibrate} on the public dev
   * questions (README, "Retrieval quality"): words still catch names and codes that the model does
   * not know, but meaning decides most questions.
   */
  public static Ranking defaults() {
    return new Ranking(
        3.0f,
        2.0f,
        1.0f,
        1.0f,
        1.0f,
        1.0f,
        0.9,
        new Calibration(-2.917, 0, 5.073, 3.33, 0.48),
        new Calibration(-4.459, 9.141, 0, 3.791, 0.53),
        new Calibration(-4.633, 8.557, 1.276, 3.514, 0.58),
        0.1);
  }

  /**
   * This ranking with some weights replaced, from {@code name=value} pairs separated by commas
   * (names as the record's components, for example {@code vectorWeight=0.8,titleWeight=2}): for
   * trying a change with {@code eval} before making it the default.
   */
  public Ranking with(String overrides) {
    float[] w = {
      titleWeight, questionsWeight, summaryWeight, headingsWeight, tagsWeight, bodyWeight
    };
    String[] names = {
      "titleWeight",
      "questionsWeight",
      "summaryWeight",
      "headingsWeight",
      "tagsWeight",
      "bodyWeight"
    };
    double vw = vectorWeight;
    double gap = clarifyGap;
    for (String pair : overrides.split(",")) {
      if (pair.isBlank()) continue;
      String[] kv = pair.split("=", 2);
      if (kv.length != 2)
        throw new IllegalArgumentException("expected name=value, got '" + pair + "'");
      String name = kv[0].strip();
      double value;
      try {
        value = Double.parseDouble(kv[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + name + "' takes a number, got '" + kv[1] + "'");
      }
      int i = Arrays.asList(names).indexOf(name);
      if (i >= 0) w[i] = (float) value;
      else if (name.equals("vectorWeight")) vw = value;
      else if (name.equals("clarifyGap")) gap = value;
      else throw new IllegalArgumentException("unknown ranking weight '" + name + "'");
    }
    return new Ranking(w[0], w[1], w[2], w[3], w[4], w[5], vw, bm25, vector, hybrid, gap);
  }

  public Calibration calibration(Mode mode) {
    return switch (mode) {
      case BM25 -> bm25;
      case VECTOR -> vector;
      case HYBRID -> hybrid;
    };
  }
}
