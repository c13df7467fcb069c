package io.tierzero.bot.chat;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.tierzero.bot.kb.ArticleSearch;
import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.SearchHit;
import io.tierzero.kb.search.SearchResult;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Retrieval with fixed decisions, for HTTP tests of the chat itself: the ranker's calibration is
 * the library's business and moves as it is tuned, so tests of conversations should not depend on
 * it. {@code ChatWithKnowledgeBaseTest} covers the real retrieval end to end.
 */
@Singleton
@Replaces(ArticleSearch.class)
@Requires(property = ScriptedSearch.ENABLED, value = "true")
final class ScriptedSearch implements ArticleSearch {
  static final String ENABLED = "tierzero.test.scripted-search";
  static final String ANSWERED = "my account is locked";
  static final String AMBIGUOUS = "I can't sign in";

  static final SearchHit LOCKED =
      new SearchHit(
          "account-locked-out",
          "Account locked out",
          "your <mark>account</mark> is <mark>locked</mark>",
          12,
          0.95,
          "accounts",
          "account-unlock");
  static final SearchHit RESET =
      new SearchHit(
          "reset-forgotten-password",
          "Reset a forgotten password",
          "<mark>sign in</mark>",
          9,
          0.7,
          "accounts",
          "password-reset");

  @Override
  public SearchResult search(String question, int limit) {
    if (question.equalsIgnoreCase(ANSWERED)) {
      return new SearchResult(question, Decision.ANSWER, 0.95, List.of(LOCKED));
    }
    if (question.equalsIgnoreCase(AMBIGUOUS)) {
      return new SearchResult(question, Decision.CLARIFY, 0.7, List.of(RESET, LOCKED));
    }
    return new SearchResult(question, Decision.ABSTAIN, 0, List.of());
  }
}
