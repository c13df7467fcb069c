package io.tierzero.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import io.tierzero.kb.index.IndexSnapshot;
import io.tierzero.kb.index.KbAnalyzer;
import io.tierzero.kb.index.KbIndex;
import io.tierzero.kb.index.Progress;
import io.tierzero.kb.index.Synonyms;
import io.tierzero.kb.parse.ArticleParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetFinderTest {
  @TempDir Path dir;

  private Map<String, String> snippets(String question, List<String> ids) throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    TestKb.write(
        articles,
        "printers/toner.md",
        TestKb.article(
            "toner",
            "Replace the toner",
            "printers",
            "## Order\n\nAsk the service desk for a cartridge.\n\n## Fit\n\nOpen the front door"
                + " and slide the toner cartridge in.",
            "a",
            "b",
            "c"));
    Synonyms synonyms = Synonyms.load(articles);
    var finder =
        new SnippetFinder(KbAnalyzer.forIndex(), KbAnalyzer.forQuery(synonyms.map()), synonyms);
    try (KbIndex index =
        KbIndex.open(articles, dir.resolve("index"), null, new ArticleParser(), Progress.NONE)) {
      IndexSnapshot snapshot = index.acquire();
      try {
        var q = Question.of(question, snapshot.searcher(), KbAnalyzer.forIndex());
        return finder.snippets(snapshot.searcher(), ids, q, null);
      } finally {
        index.release(snapshot);
      }
    }
  }

  @Test
  void the_passage_matching_the_words_best_with_the_words_marked() throws IOException {
    Map<String, String> s = snippets("slide toner in", List.of("toner"));

    assertTrue(s.get("toner").contains("<mark>toner</mark>"), s.get("toner"));
    assertTrue(s.get("toner").contains("<mark>slide</mark>"), s.get("toner"));
  }

  @Test
  void without_matching_words_or_a_vector_the_first_passage() throws IOException {
    Map<String, String> s = snippets("cartridge", List.of("toner", "connect-vpn"));

    assertTrue(s.get("toner").contains("<mark>cartridge</mark>"), s.get("toner"));
    assertTrue(s.get("connect-vpn").contains("GlobalConnect"), s.get("connect-vpn"));
    assertEquals(List.of("toner", "connect-vpn"), List.copyOf(s.keySet()));
  }
}
