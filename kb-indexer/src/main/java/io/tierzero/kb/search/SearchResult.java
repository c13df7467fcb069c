package io.tierzero.kb.search;

import java.util.List;

/**
 * Articles for one question, best first, and what to do with them.
 *
 * @param confidence the confidence of the first hit, 0 when there is none
 */
public record SearchResult(
    String query, Decision decision, double confidence, List<SearchHit> hits) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
