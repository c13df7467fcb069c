package io.tierzero.kb.intent;

import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.SearchResult;
import java.util.Locale;

/**
 * What to do with one message: an intent, or the knowledge base's own answer / clarify / abstain.
 *
 * @param text the message after {@link Normalizer}: what was matched and searched
 * @param intent the intent to act on, or null when the knowledge base decides
 * @param evidence the nearest intent's evidence even when it was not taken (null without intents)
 * @param intentConfidence the nearest intent's calibrated confidence, 0 without intents
 * @param search the knowledge base's result for the message
 */
public record TurnDecision(
    String text,
    Intent intent,
    IntentEvidence evidence,
    double intentConfidence,
    SearchResult search) {

  public boolean isIntent() {
    return intent != null;
  }

  /**
   * The behaviour chosen, as evaluation data names it ({@code handoff}, {@code flow:<id>}, ...), or
   * the KB decision.
   */
  public String behaviour() {
    if (intent != null) return intent.behaviour();
    return search.decision() == Decision.ABSTAIN || search.hits().isEmpty()
        ? "no_answer"
        : search.decision().name().toLowerCase(Locale.ROOT);
  }
}
