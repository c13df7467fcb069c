package io.tierzero.kb.intent;

import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.SearchResult;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One decision per message over everything the bot can do: the nearest intent (conversational, a
 * flow, a non-IT topic) against the knowledge base's answer. The intent is acted on when its
 * calibrated confidence reaches its threshold and, if the knowledge base would answer, beats the
 * answer's confidence by {@link DecisionModel#kbGap()}; otherwise the knowledge base decides. Both
 * look at the same normalised text and share one sentence vector.
 */
public final class TurnDecider {
  private final Normalizer normalizer;
  private final IntentMatcher matcher;
  private final DecisionModel model;
  private final Function<String, float[]> vectors;
  private final BiFunction<String, Integer, SearchResult> search;
  private final Function<String, String> flowOfArticle;

  /**
   * @param vectors the sentence vector of a normalised message (cached), or null for words only
   * @param search the knowledge base's search of a normalised message, with a number of hits
   * @param flowOfArticle the flow an article offers, by id, or null
   */
  public TurnDecider(
      Normalizer normalizer,
      IntentMatcher matcher,
      DecisionModel model,
      Function<String, float[]> vectors,
      BiFunction<String, Integer, SearchResult> search,
      Function<String, String> flowOfArticle) {
    this.flowOfArticle = flowOfArticle;
    this.normalizer = normalizer;
    this.matcher = matcher;
    this.model = model;
    this.vectors = vectors;
    this.search = search;
  }

  public TurnDecision decide(String message, int limit) {
    String text = normalizer.normalize(message);
    if (text.isBlank()) text = message.strip();
    SearchResult result = search.apply(text, limit);
    IntentEvidence evidence =
        matcher.match(text, vectors == null ? null : vectors.apply(IntentMatcher.key(text)), model);
    if (evidence == null) return new TurnDecision(text, null, null, 0, result);
    double confidence = model.confidence(evidence);
    return new TurnDecision(
        text,
        takes(model, evidence, result, flowOfArticle) ? evidence.intent() : null,
        evidence,
        confidence,
        result);
  }

  /**
   * The rule on its own, for calibration: would this intent, with this evidence, win over this
   * result? A flow that the knowledge base's first article offers needs only its threshold: the
   * article and its flow agree, and the flow does the fix. Any other flow starts only when its own
   * example is the nearest of all by meaning (margin not below zero): a flow acts on accounts, so
   * words it shares with a message ("I'm out of here" and "I'm locked out") are not enough when
   * another behaviour's example means the message better.
   */
  public static boolean takes(
      DecisionModel model,
      IntentEvidence evidence,
      SearchResult result,
      Function<String, String> flowOfArticle) {
    Intent intent = evidence.intent();
    double confidence = model.confidence(evidence);
    if (confidence < model.threshold(intent)) return false;
    boolean kbAnswers = result.decision() != Decision.ABSTAIN && !result.hits().isEmpty();
    boolean flow = intent.action() == Intent.Action.FLOW;
    if (kbAnswers && flow && intent.flow().equals(flowOfArticle.apply(result.hits().get(0).id())))
      return true;
    if (flow && evidence.margin() < 0) return false;
    if (!kbAnswers) return true;
    return confidence >= result.confidence() + model.kbGap();
  }

  public IntentMatcher matcher() {
    return matcher;
  }

  public DecisionModel model() {
    return model;
  }
}
