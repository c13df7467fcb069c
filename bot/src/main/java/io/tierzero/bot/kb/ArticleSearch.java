package io.tierzero.bot.kb;

import io.tierzero.kb.search.SearchResult;

/**
 * Finds the articles that answer a question: the one seam between chat and retrieval, so chat
 * handlers can be tested with a scripted result.
 */
@FunctionalInterface
public interface ArticleSearch {
  /**
   * At most {@code limit} articles for {@code question}, best first, with the ranker's decision.
   * Never null. Ask for no more than will be shown: each hit costs a snippet.
   */
  SearchResult search(String question, int limit);
}
