package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Ratings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleReportTest {
  private static Article article(String id, String title, String category) {
    return new Article(
        id,
        title,
        "",
        List.of(),
        category,
        "2026-11-01",
        "it",
        List.of(),
        null,
        "",
        List.of(),
        Path.of(id + ".md"));
  }

  private final List<Article> kb =
      List.of(
          article("account-locked-out", "Account locked out", "accounts"),
          article("mailbox-full", "Mailbox full", "email"),
          article("printer-jam", "Printer jam", "printing"));

  private final ArticleReport report =
      new ArticleReport(() -> kb, id -> kb.stream().filter(a -> a.id().equals(id)).findFirst());

  @Test
  void the_latest_vote_of_each_conversation_counts_for_the_article() {
    var changedMind =
        new Snapshot.Conv(
            "c1",
            Rows.at(0),
            "widget",
            List.of(),
            List.of(
                Rows.vote("m1", "mailbox-full", false, 1),
                Rows.vote("m1", "mailbox-full", true, 2)),
            null);
    var down =
        new Snapshot.Conv(
            "c2",
            Rows.at(0),
            "widget",
            List.of(),
            List.of(Rows.vote("m2", "mailbox-full", false, 1)),
            null);

    assertEquals(
        Map.of("mailbox-full", new Ratings.Votes(1, 1)),
        ArticleReport.latestVotes(List.of(changedMind, down)));
  }

  @Test
  void articles_show_views_answers_shown_and_helpfulness_most_shown_first() {
    var c1 =
        Rows.conversation("c1", 0)
            .asks("locked", "answer", "account-locked-out")
            .asks("locked again", "clarify", "account-locked-out", "mailbox-full")
            .asks("thanks", "text", "printer-jam")
            .build();
    var votes = Map.of("account-locked-out", new Ratings.Votes(2, 0));
    var views = Map.of("mailbox-full", 4L, "old-article", 1L);

    var articles = report.articles(List.of(c1), votes, views);

    assertEquals(
        List.of("account-locked-out", "mailbox-full", "old-article", "printer-jam"),
        articles.stream().map(Reports.Article::id).toList());
    var locked = articles.get(0);
    assertEquals(2, locked.answersShown());
    assertEquals(2, locked.up());
    assertEquals(7.0 / 12, locked.helpfulness(), 1e-12);
    assertEquals("accounts", locked.category());
    assertEquals(1, articles.get(1).answersShown());
    assertEquals(4, articles.get(1).views());
    assertEquals(0.5, articles.get(1).helpfulness(), 1e-12);
    assertEquals("old-article (removed)", articles.get(2).title());
    assertEquals("", articles.get(2).category());
    assertEquals(0, articles.get(3).answersShown(), "small talk offers no answer");
  }

  @Test
  void an_article_offered_twice_in_one_reply_is_shown_once() {
    var c =
        Rows.conversation("c1", 0)
            .asks("locked", "answer", "account-locked-out", "account-locked-out")
            .build();

    var locked = report.articles(List.of(c), Map.of(), Map.of()).get(0);

    assertEquals(Optional.of(1L), Optional.of(locked.answersShown()));
  }
}
