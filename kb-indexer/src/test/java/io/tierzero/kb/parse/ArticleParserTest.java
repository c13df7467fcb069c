package io.tierzero.kb.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
  private final ArticleParser parser = new ArticleParser();
  private final Path file = Path.of("accounts/reset.md");

  @Test
  void reads_front_matter_sections_and_internal_links() {
    String text =
        """
        ---
        id: reset-password
        title: "Reset a password: the quick way"
        summary: Get back into your account.
        tags: [password, sign-in]
        category: accounts
        updated: 2026-11-01
        owner: identity-team
        flow: password-reset
        questions:
          - I forgot my password
          - reset pwd
          - can't sign in
        ---

        # Reset a password

        Intro text.

        ## Steps
        1. Open the portal.
        2. See [change it](change-password) or [the site](https://example.com).
        """;

    ParseResult result = parser.parse(file, text);

    assertEquals(List.of(), result.problems());
    Article a = result.article().orElseThrow();
    assertEquals("reset-password", a.id());
    assertEquals("Reset a password: the quick way", a.title());
    assertEquals(List.of("password", "sign-in"), a.tags());
    assertEquals("2026-11-01", a.updated());
    assertEquals("password-reset", a.flow());
    assertEquals(3, a.questions().size());
    assertEquals("Steps", a.sections().get(1).heading());
    assertEquals(20, a.sections().get(1).line());
    assertTrue(a.sections().get(1).text().contains("Open the portal."));
    assertEquals(List.of(new ParseResult.Link("change-password", 22)), result.links());
  }

  @Test
  void reports_bad_yaml_with_its_line() {
    String text = "---\nid: x\ntitle: [unclosed\nquestions: []\n---\nBody\n";

    ParseResult result = parser.parse(file, text);

    assertTrue(result.article().isEmpty());
    Problem p = result.problems().get(0);
    assertTrue(p.message().startsWith("bad YAML"), p.message());
    assertTrue(p.line() >= 3 && p.line() <= 5, "line " + p.line());
  }

  @Test
  void reports_missing_id_missing_title_too_few_questions_and_empty_body() {
    String text = "---\nsummary: nothing\nquestions:\n  - one\n---\n\n";

    List<Problem> problems = parser.parse(file, text).problems();

    List<String> messages = problems.stream().map(Problem::message).toList();
    assertTrue(messages.contains("missing 'id' in front matter"), messages.toString());
    assertTrue(messages.contains("missing 'title' in front matter"), messages.toString());
    assertTrue(
        messages.stream().anyMatch(m -> m.startsWith("needs at least 3 'questions'")),
        messages.toString());
    assertTrue(messages.contains("empty body"), messages.toString());
    Problem questions =
        problems.stream().filter(p -> p.message().startsWith("needs")).findFirst().orElseThrow();
    assertEquals(3, questions.line());
  }

  @Test
  void reports_a_file_without_front_matter_at_line_1() {
    ParseResult result = parser.parse(file, "# Just Markdown\n\nText.\n");

    assertEquals(1, result.problems().get(0).line());
    assertTrue(result.problems().get(0).message().startsWith("no front matter"));
  }

  @Test
  void escapes_raw_html_when_rendering() {
    String text =
        "---\nid: a\ntitle: A\nquestions: [a, b, c]\n---\n\nHello <script>alert(1)</script>\n";
    Article a = parser.parse(file, text).article().orElseThrow();

    String html = parser.html(a);

    assertTrue(!html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
  }

  @Test
  void splits_long_sections_into_passages_within_the_model_window() {
    String sentence =
        "Restart the laptop and wait for the login screen to appear before you type. ";
    String text =
        "---\nid: a\ntitle: A\nquestions: [a, b, c]\n---\n\n## Long\n\n"
            + sentence.repeat(30)
            + "\n";
    Article a = parser.parse(file, text).article().orElseThrow();

    List<Passage> passages = Passages.of(a);

    assertTrue(passages.size() >= 3, "passages: " + passages.size());
    for (Passage p : passages) {
      assertTrue(p.text().split("\\s+").length <= Passages.MAX_WORDS, p.text());
      assertEquals("Long", p.heading());
    }
  }

  @Test
  void text_after_a_backslash_escape_keeps_its_place() {
    var result =
        new ArticleParser()
            .parse(
                java.nio.file.Path.of("a/escapes.md"),
                "---\n"
                    + "id: escapes\n"
                    + "title: Escapes\n"
                    + "questions: [a, b, c]\n"
                    + "---\n\n"
                    + "# Escapes\n\n"
                    + "Select **Settings** \\> **Account**, sign in as EXAMPLE\\\\jane and type"
                    + " `whoami` &amp; press Enter.\n");

    var text = result.article().orElseThrow().sections().get(0).text();

    assertEquals(
        "Select Settings > Account, sign in as EXAMPLE\\jane and type whoami & press Enter.", text);
  }
}
