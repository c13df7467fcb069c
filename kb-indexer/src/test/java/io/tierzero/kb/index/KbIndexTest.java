package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import io.tierzero.kb.embed.Embedder;
import io.tierzero.kb.parse.ArticleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbIndexTest {
  @TempDir Path dir;

  /** A stand-in model: fails on a chosen word, so a build can be made to fail half-way. */
  static final class FailingEmbedder implements Embedder {
    volatile String failOn = null;

    @Override
    public String name() {
      return "test-embedder";
    }

    @Override
    public int dimensions() {
      return 4;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      for (String t : texts) {
        if (failOn != null && t.contains(failOn)) throw new IllegalStateException("model failed");
      }
      return texts.stream().map(t -> new float[] {0.5f, 0.5f, 0.5f, 0.5f}).toList();
    }

    @Override
    public float[] embedQuery(String question) {
      return new float[] {0.5f, 0.5f, 0.5f, 0.5f};
    }
  }

  @Test
  void a_failed_build_leaves_the_last_complete_index_serving() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    var embedder = new FailingEmbedder();
    try (KbIndex index =
        KbIndex.open(
            articles, dir.resolve("index"), embedder, new ArticleParser(), Progress.NONE)) {
      TestKb.write(
          articles,
          "new/new-topic.md",
          TestKb.article("new-topic", "Brand new topic", "misc", "Kaboom text.", "a", "b", "c"));
      Files.writeString(
          articles.resolve("vpn/connect-vpn.md"),
          TestKb.article("connect-vpn", "Changed title", "vpn", "Changed body.", "a", "b", "c"));
      embedder.failOn = "Kaboom";

      assertThrows(IllegalStateException.class, () -> index.update(false, Progress.NONE));

      assertEquals(4, index.articles().size());
      assertEquals("Connect to the VPN from home", index.articles().get("connect-vpn").title());
      assertEquals(0, countArticleDocs(index, "new-topic"));
      assertEquals(1, countArticleDocs(index, "connect-vpn"));
    }
    // The next open finds the last commit intact and applies the changes once the model works.
    embedder.failOn = null;
    try (KbIndex index =
        KbIndex.open(
            articles, dir.resolve("index"), embedder, new ArticleParser(), Progress.NONE)) {
      assertEquals(5, index.articles().size());
      assertEquals("Changed title", index.articles().get("connect-vpn").title());
      assertEquals(1, index.lastBuild().added());
      assertEquals(1, index.lastBuild().updated());
    }
  }

  @Test
  void an_index_built_with_another_model_is_rebuilt_in_full() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    try (KbIndex index =
        KbIndex.open(articles, dir.resolve("index"), null, new ArticleParser(), Progress.NONE)) {
      assertEquals(4, index.lastBuild().added());
    }
    try (KbIndex index =
        KbIndex.open(
            articles,
            dir.resolve("index"),
            new FailingEmbedder(),
            new ArticleParser(),
            Progress.NONE)) {
      assertEquals(4, index.lastBuild().added());
      assertTrue(index.lastBuild().embedded() > 0);
      assertEquals("test-embedder", KbIndex.describe(dir.resolve("index")).get("model"));
    }
  }

  @Test
  void a_build_of_many_articles_is_searched_as_one_segment_and_a_small_edit_is_not_merged()
      throws IOException {
    Path articles = dir.resolve("articles");
    for (int i = 0; i < 20; i++) {
      TestKb.write(
          articles,
          "a" + i + ".md",
          TestKb.article(
              "a" + i,
              "Printer model " + i + " jams",
              "printing",
              "Open tray " + i + ".",
              "q",
              "r",
              "s"));
    }
    try (KbIndex index =
        KbIndex.open(
            articles,
            dir.resolve("index"),
            new FailingEmbedder(),
            new ArticleParser(),
            Progress.NONE)) {
      assertEquals(1, segments(index));

      // One article in twenty: its new version goes to a small segment beside the big one.
      TestKb.write(
          articles,
          "a3.md",
          TestKb.article(
              "a3", "Printer model 3 smudges", "printing", "Clean roller.", "q", "r", "s"));
      index.update(false, Progress.NONE);
      assertEquals(2, segments(index));
      assertEquals("Printer model 3 smudges", index.articles().get("a3").title());
      assertEquals(1, countArticleDocs(index, "a3"));

      // A tenth of the articles or more at once: merged back into one.
      for (int i = 20; i < 23; i++) {
        TestKb.write(
            articles,
            "a" + i + ".md",
            TestKb.article(
                "a" + i, "Scanner model " + i, "printing", "Scan " + i + ".", "q", "r", "s"));
      }
      index.update(false, Progress.NONE);
      assertEquals(1, segments(index));
      assertEquals(23, index.articles().size());
      assertEquals(1, countArticleDocs(index, "a3"));
    }
  }

  private static int segments(KbIndex index) throws IOException {
    IndexSnapshot snapshot = index.acquire();
    try {
      return snapshot.searcher().getIndexReader().leaves().size();
    } finally {
      index.release(snapshot);
    }
  }

  private static int countArticleDocs(KbIndex index, String id) throws IOException {
    IndexSnapshot snapshot = index.acquire();
    try {
      IndexSearcher searcher = snapshot.searcher();
      var query =
          new org.apache.lucene.search.BooleanQuery.Builder()
              .add(
                  new TermQuery(new Term(Fields.ARTICLE, id)),
                  org.apache.lucene.search.BooleanClause.Occur.FILTER)
              .add(
                  new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)),
                  org.apache.lucene.search.BooleanClause.Occur.FILTER)
              .build();
      return searcher.count(query);
    } finally {
      index.release(snapshot);
    }
  }
}
