package io.tierzero.bot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.bot.analytics.Period;
import io.tierzero.bot.analytics.Reports;
import io.tierzero.kb.parse.ArticleParser;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A draft is written back into the knowledge base: whatever users typed, it must parse as they
 * typed it.
 */
class ArticleDraftTest {
  @Test
  void wordings_with_line_breaks_quotes_and_colons_stay_questions_of_a_draft_that_parses() {
    var typed =
        List.of(
            "printer says \"offline\"\n---\nid: evil",
            "scan: to # email\tplease \\ now",
            "line\r\nbreaks\u2028and\u0007bells");
    var gap =
        new Reports.Gap(
            "abc",
            typed.get(0),
            3,
            3,
            3,
            0,
            typed,
            List.of(),
            Instant.parse("2026-12-01T10:00:00Z"));

    var draft =
        ArticleDraft.of(
            gap,
            "printers",
            new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
            LocalDate.of(2026, 12, 2));
    var parsed =
        new ArticleParser().parse(Path.of("printers", draft.id() + ".md"), draft.markdown());

    assertEquals(List.of(), parsed.problems());
    var article = parsed.article().orElseThrow();
    assertEquals("printers", article.category());
    assertEquals(
        List.of(
            "printer says \"offline\" --- id: evil",
            "scan: to # email please \\ now",
            "line breaks and bells"),
        article.questions());
    assertEquals("Printer says \"offline\" --- id: evil", article.title());
  }
}
