package io.tierzero.kb.intent;

/**
 * Why a message looks like an intent.
 *
 * @param nearestExample the example closest in meaning
 * @param similarity the cosine to that example
 * @param margin how much closer it is than the nearest example of any other behaviour
 * @param coverage the share of the message's words (stemmed, stop words left out) that the intent's
 *     examples use; a message with no such word counts as covered
 */
public record IntentEvidence(
    Intent intent, String nearestExample, double similarity, double margin, double coverage) {}
