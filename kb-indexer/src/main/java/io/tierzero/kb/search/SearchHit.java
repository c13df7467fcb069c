package io.tierzero.kb.search;

/**
 * One article found for a question.
 *
 * @param snippet the best passage, HTML-escaped, with matched words wrapped in {@code <mark>}
 * @param score the ranking score (comparable only within one result)
 * @param confidence how sure the ranker is that this article answers the question, in [0,1]
 */
public record SearchHit(String id, String title, String snippet, double score, double confidence) {}
