package io.tierzero.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.embed.EmbeddingModelChoice;
import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.search.Ratings;
import io.tierzero.kb.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {
  @TempDir Path dir;

  private KnowledgeBase open(EmbeddingModelChoice model) throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    return KnowledgeBase.open(KbConfig.of(articles, dir.resolve("index")).withModel(model));
  }

  @Test
  void answers_with_the_right_article_in_every_mode() throws IOException {
    try (KnowledgeBase kb = open(EmbeddingModelChoice.MINILM)) {
      for (Mode mode : Mode.values()) {
        SearchResult r = kb.search("how can I reset my password", 5, mode);
        assertEquals("reset-password", r.hits().get(0).id(), mode.toString());
        assertEquals(Decision.ANSWER, r.decision(), mode.toString());
      }
      SearchResult meaning = kb.search("the office network from my house", 5, Mode.HYBRID);
      assertEquals("connect-vpn", meaning.hits().get(0).id());
    }
  }

  @Test
  void abstains_when_no_article_answers() throws IOException {
    try (KnowledgeBase kb = open(EmbeddingModelChoice.MINILM)) {
      SearchResult r = kb.search("how much is an overdraft fee at my bank");

      assertEquals(Decision.ABSTAIN, r.decision());
      assertTrue(r.confidence() < 0.5, "confidence " + r.confidence());
    }
  }

  @Test
  void tolerates_typos_and_applies_synonyms() throws IOException {
    try (KnowledgeBase kb = open(EmbeddingModelChoice.NONE)) {
      assertEquals("reset-password", kb.search("pasword reset").hits().get(0).id());
      assertEquals("outlook-sync", kb.search("outlok not syncing").hits().get(0).id());
      // "pwd" appears in no article: only the synonym file connects it to "password".
      assertEquals("reset-password", kb.search("pwd").hits().get(0).id());
    }
  }

  @Test
  void marks_matched_words_in_the_snippet_and_escapes_the_rest() throws IOException {
    try (KnowledgeBase kb = open(EmbeddingModelChoice.NONE)) {
      String snippet = kb.search("printer paper stuck").hits().get(0).snippet();

      assertTrue(snippet.contains("<mark>paper</mark>"), snippet);
      assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);
    }
  }

  @Test
  void rebuilding_an_unchanged_knowledge_base_does_no_work() throws IOException {
    try (KnowledgeBase kb = open(EmbeddingModelChoice.MINILM)) {
      BuildReport report = kb.rebuild();

      assertFalse(report.changed());
      assertEquals(4, report.unchanged());
      assertEquals(0, report.embedded());
    }
    // Reopening reads the index as it is: nothing to parse, nothing to embed.
    try (KnowledgeBase kb = open(EmbeddingModelChoice.MINILM)) {
      assertFalse(kb.lastBuild().changed());
      assertEquals(4, kb.articles().size());
    }
  }

  @Test
  void an_edited_article_is_reindexed_alone_embedding_only_what_changed() throws IOException {
    try (KnowledgeBase kb = open(EmbeddingModelChoice.MINILM)) {
      Path file = dir.resolve("articles/printers/printer-jam.md");
      Files.writeString(
          file,
          "\n## Still jammed\n\nCall the Service Desk on +1 555 0100.\n",
          StandardOpenOption.APPEND);

      BuildReport report = kb.rebuild();

      assertEquals(1, report.updated());
      assertEquals(3, report.unchanged());
      assertEquals(1, report.embedded(), "only the new passage is embedded");
      assertEquals(
          "printer-jam",
          kb.search("who do I call if the paper is still jammed").hits().get(0).id());
    }
  }

  @Test
  void a_broken_edit_is_reported_and_the_previous_version_keeps_serving() throws IOException {
    try (KnowledgeBase kb = open(EmbeddingModelChoice.NONE)) {
      Path file = dir.resolve("articles/vpn/connect-vpn.md");
      Files.writeString(file, "---\nid: connect-vpn\ntitle: [broken\n---\nBody\n");

      BuildReport report = kb.rebuild();

      assertEquals(1, report.problems().size());
      assertEquals(file, report.problems().get(0).file());
      assertEquals("Connect to the VPN from home", kb.article("connect-vpn").orElseThrow().title());
      assertEquals("connect-vpn", kb.search("vpn from home").hits().get(0).id());
    }
  }

  @Test
  void a_malformed_file_is_skipped_and_the_rest_indexed() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    TestKb.write(articles, "misc/bad.md", "no front matter here\n");
    TestKb.write(
        articles,
        "misc/dup.md",
        TestKb.article("connect-vpn", "Duplicate", "vpn", "Body", "a", "b", "c"));

    try (KnowledgeBase kb =
        KnowledgeBase.open(
            KbConfig.of(articles, dir.resolve("index")).withModel(EmbeddingModelChoice.NONE))) {
      assertEquals(4, kb.articles().size());
      var problems = kb.lastBuild().problems();
      assertEquals(2, problems.size(), problems.toString());
      assertTrue(
          problems.stream().anyMatch(p -> p.message().startsWith("duplicate id 'connect-vpn'")));
      assertNotEquals("Duplicate", kb.article("connect-vpn").orElseThrow().title());
    }
  }

  @Test
  void removed_articles_leave_the_index() throws IOException {
    try (KnowledgeBase kb = open(EmbeddingModelChoice.NONE)) {
      Files.delete(dir.resolve("articles/printers/printer-jam.md"));

      BuildReport report = kb.rebuild();

      assertEquals(1, report.removed());
      assertTrue(kb.article("printer-jam").isEmpty());
      assertTrue(
          kb.search("printer paper jam").hits().stream()
              .noneMatch(h -> h.id().equals("printer-jam")));
    }
  }

  @Test
  void asks_which_one_when_two_articles_fit_equally_well() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    String steps =
        "## Steps\n\n"
            + "1. Open the GlobalConnect client.\n"
            + "2. Sign in with your work account.\n"
            + "3. Wait for the green shield.";
    TestKb.write(
        articles,
        "vpn/vpn-on-windows.md",
        TestKb.article(
            "vpn-on-windows",
            "Connect to the VPN on Windows",
            "vpn",
            steps,
            "vpn on my windows laptop",
            "globalconnect windows",
            "windows vpn"));
    TestKb.write(
        articles,
        "vpn/vpn-on-mac.md",
        TestKb.article(
            "vpn-on-mac",
            "Connect to the VPN on a Mac",
            "vpn",
            steps,
            "vpn on my macbook",
            "globalconnect mac",
            "mac vpn"));

    try (KnowledgeBase kb = KnowledgeBase.open(KbConfig.of(articles, dir.resolve("index")))) {
      SearchResult vague = kb.search("connect to the vpn on my laptop with globalconnect");
      SearchResult precise = kb.search("vpn on my macbook");

      assertEquals(Decision.CLARIFY, vague.decision(), vague.toString());
      assertTrue(
          vague.hits().get(0).id().contains("vpn") && vague.hits().get(1).id().contains("vpn"),
          vague.toString());
      assertTrue(
          vague.hits().get(0).confidence() >= vague.hits().get(1).confidence(), vague.toString());
      assertEquals(Decision.ANSWER, precise.decision(), precise.toString());
      assertEquals("vpn-on-mac", precise.hits().get(0).id());
    }
  }

  @Test
  void ratings_reorder_near_ties_but_never_a_clear_winner() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    TestKb.write(
        articles,
        "printers/printer-jam-2.md",
        TestKb.article(
            "printer-jam-2",
            "Clear a paper jam",
            "printers",
            "## Steps\n\n"
                + "1. Open the front door of the printer.\n"
                + "2. Pull the stuck paper out gently in the direction of the paper path.\n"
                + "3. Close the door and print a test page.",
            "jammed printer",
            "paper jam in copier",
            "printer says jam please"));
    try (KnowledgeBase kb = open(EmbeddingModelChoice.MINILM)) {
      String before = kb.search("clear a paper jam", 5).hits().get(0).id();
      String other = before.equals("printer-jam") ? "printer-jam-2" : "printer-jam";

      kb.useRatings(
          new Ratings(Map.of(before, new Ratings.Votes(0, 50), other, new Ratings.Votes(50, 0))));

      assertEquals(
          other,
          kb.search("clear a paper jam", 5).hits().get(0).id(),
          "a near tie follows the votes");
      kb.useRatings(
          new Ratings(
              Map.of(
                  "reset-password",
                  new Ratings.Votes(0, 1000),
                  "printer-jam",
                  new Ratings.Votes(1000, 0),
                  "printer-jam-2",
                  new Ratings.Votes(1000, 0))));
      assertEquals(
          "reset-password",
          kb.search("I forgot my password").hits().get(0).id(),
          "votes never beat relevance");
    }
  }
}
