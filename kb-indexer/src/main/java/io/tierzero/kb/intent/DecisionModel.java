package io.tierzero.kb.intent;

/**
 * How an intent is weighed against the knowledge base. The intent's confidence is a logistic model
 * of its evidence, {@code 1 / (1 + exp(-(bias + similarity * s + coverage * c + margin * m)))},
 * fitted by {@code kb-indexer eval-intents --calibrate} on the dev utterances, where "right" means
 * the nearest intent is the behaviour the utterance expects (knowledge-base questions expect none).
 *
 * @param threshold an intent is acted on from this confidence
 * @param redirectThreshold a non-IT redirect needs this much: sending away an IT problem is worse
 *     than saying "I don't know"
 * @param kbGap when the knowledge base would answer, the intent must beat the answer's confidence
 *     by this much: an article's own questions keep getting that article
 */
public record DecisionModel(
    double bias,
    double similarity,
    double coverage,
    double margin,
    double threshold,
    double redirectThreshold,
    double kbGap) {

  public double confidence(IntentEvidence e) {
    return 1
        / (1
            + Math.exp(
                -(bias
                    + similarity * e.similarity()
                    + coverage * e.coverage()
                    + margin * e.margin())));
  }

  public double threshold(Intent intent) {
    return intent.action() == Intent.Action.REDIRECT ? redirectThreshold : threshold;
  }

  /** Fitted on the dev utterances (README, "Understanding what people type"). */
  public static DecisionModel defaults() {
    return new DecisionModel(-4.562, 5.556, 2.2, 2.131, 0.25, 0.8, 0.0);
  }
}
