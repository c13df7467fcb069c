package io.tierzero.bot.analytics;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.tierzero.bot.kb.ArticleSearch;
import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.SearchHit;
import io.tierzero.kb.search.SearchResult;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrieval with fixed decisions for the feedback, analytics and console tests, so the expected
 * figures can be worked out by hand: a question naming one of these subjects is answered with its
 * fixture article, anything else gets no answer.
 */
@Singleton
@Replaces(ArticleSearch.class)
@Requires(property = ScriptedAnswers.ENABLED, value = "true")
public final class ScriptedAnswers implements ArticleSearch {
  public static final String ENABLED = "tierzero.test.scripted-answers";

  /** Subject word -> article id, title, category and flow (all as in the fixture). */
  static final Map<String, String[]> ANSWERS =
      Map.of(
          "locked",
          new String[] {"account-locked-out", "Account locked out", "accounts", "account-unlock"},
          "password",
          new String[] {
            "reset-forgotten-password", "Reset a forgotten password", "accounts", "password-reset"
          },
          "mailbox",
          new String[] {"mailbox-full", "Mailbox full", "email", null},
          "wifi",
          new String[] {
            "wifi-keeps-dropping", "Wi-Fi keeps dropping", "network", "wifi-connection"
          });

  @Override
  public SearchResult search(String question, int limit) {
    var lower = question.toLowerCase(Locale.ROOT);
    for (var entry : ANSWERS.entrySet()) {
      if (lower.contains(entry.getKey())) {
        var a = entry.getValue();
        return new SearchResult(
            question,
            Decision.ANSWER,
            0.9,
            List.of(new SearchHit(a[0], a[1], question, 10, 0.9, a[2], a[3])));
      }
    }
    return new SearchResult(question, Decision.ABSTAIN, 0, List.of());
  }
}
