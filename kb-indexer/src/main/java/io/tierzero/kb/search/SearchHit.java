package io.tierzero.kb.search;

/**
 * One article found for a question, with what callers need of the article so they do not look it up
 * again (by then a build may have replaced it).
 *
 * @param snippet the best passage, HTML-escaped, with matched words wrapped in {@code <mark>}
 * @param score the ranking score (comparable only within one result)
 * @param confidence how sure the ranker is that this article answers the question, in [0,1]
 * @param category the article's category (its folder)
 * @param flow the guided fix the article offers ("Fix it for me"), or null
 */
public record SearchHit(
    String id,
    String title,
    String snippet,
    double score,
    double confidence,
    String category,
    String flow) {}
