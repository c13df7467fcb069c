package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.tierzero.bot.kb.ArticleSearch;
import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.SearchHit;
import io.tierzero.kb.search.SearchResult;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Retrieval with fixed decisions for the tickets' HTTP tests: one question is answered with a
 * fixture article (category {@code accounts}), everything else gets no answer, whatever the
 * ranker's calibration does.
 */
@Singleton
@Replaces(ArticleSearch.class)
@Requires(property = TicketsTestSearch.ENABLED, value = "true")
final class TicketsTestSearch implements ArticleSearch {
  static final String ENABLED = "tierzero.test.tickets-search";
  static final String ANSWERED = "my account is locked";

  @Override
  public SearchResult search(String question, int limit) {
    if (question.equalsIgnoreCase(ANSWERED)) {
      return new SearchResult(
          question,
          Decision.ANSWER,
          0.9,
          List.of(
              new SearchHit(
                  "account-locked-out",
                  "Account locked out",
                  "your account is locked",
                  12,
                  0.9,
                  "accounts",
                  "account-unlock")));
    }
    return new SearchResult(question, Decision.ABSTAIN, 0, List.of());
  }
}
