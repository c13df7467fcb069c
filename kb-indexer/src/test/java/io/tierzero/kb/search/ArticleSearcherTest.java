package io.tierzero.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import io.tierzero.kb.index.IndexSnapshot;
import io.tierzero.kb.index.KbIndex;
import io.tierzero.kb.index.Progress;
import io.tierzero.kb.index.Synonyms;
import io.tierzero.kb.parse.ArticleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSearcherTest {
  @TempDir Path dir;

  private static final String NEW_TOPIC =
      "---\nid: new-topic\ntitle: Quokka badge reader\ncategory: misc\nflow: \" badge-reset \"\n"
          + "questions:\n  - a\n  - b\n  - c\n---\n\n# Quokka badge reader\n\n"
          + "The quokka reader beeps twice.\n";

  private KbIndex open(Path articles) throws IOException {
    return KbIndex.open(articles, dir.resolve("index"), null, new ArticleParser(), Progress.NONE);
  }

  private static ArticleSearcher searcher(Path articles) {
    return new ArticleSearcher(Synonyms.load(articles), Ranking.defaults(), null);
  }

  private static SearchResult search(KbIndex index, ArticleSearcher searcher, String text)
      throws IOException {
    IndexSnapshot snapshot = index.acquire();
    try {
      return searcher.search(snapshot, text, 5, Mode.BM25, null).result();
    } finally {
      index.release(snapshot);
    }
  }

  @Test
  void a_hit_carries_its_articles_category_and_flow() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    TestKb.write(articles, "misc/new-topic.md", NEW_TOPIC);
    try (KbIndex index = open(articles)) {
      ArticleSearcher searcher = searcher(articles);

      SearchHit quokka = search(index, searcher, "quokka reader").hits().get(0);
      SearchHit vpn = search(index, searcher, "connect vpn from home").hits().get(0);

      assertEquals("new-topic", quokka.id());
      assertEquals("misc", quokka.category());
      assertEquals("badge-reset", quokka.flow(), "stripped");
      assertEquals("connect-vpn", vpn.id());
      assertEquals("vpn", vpn.category());
      assertNull(vpn.flow());
    }
  }

  @Test
  void a_question_without_words_is_not_answered_and_meaning_needs_vectors() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    try (KbIndex index = open(articles)) {
      ArticleSearcher searcher = searcher(articles);
      IndexSnapshot snapshot = index.acquire();
      try {
        var r = searcher.search(snapshot, "???", 5, Mode.BM25, null);
        assertEquals(Decision.ABSTAIN, r.result().decision());
        assertTrue(r.result().hits().isEmpty());
        assertNull(r.evidence());
        assertThrows(
            IllegalStateException.class,
            () -> searcher.search(snapshot, "vpn", 5, Mode.HYBRID, null));
      } finally {
        index.release(snapshot);
      }
    }
  }

  @Test
  void searches_during_rebuilds_return_every_hit_they_ranked_with_its_article() throws Exception {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path file = articles.resolve("misc/new-topic.md");
    try (KbIndex index = open(articles)) {
      ArticleSearcher searcher = searcher(articles);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread builds =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    if (Files.exists(file)) Files.delete(file);
                    else TestKb.write(articles, "misc/new-topic.md", NEW_TOPIC);
                    index.update(false, Progress.NONE);
                  }
                } catch (Throwable e) {
                  failed.set(e);
                }
              });
      builds.start();
      int found = 0;
      int missing = 0;
      try {
        long until = System.nanoTime() + 3_000_000_000L;
        while ((System.nanoTime() < until || found < 10 || missing < 10) && failed.get() == null) {
          SearchResult r = search(index, searcher, "quokka reader");
          // Only the new article has these words: either this version holds it and it is the
          // hit, or it does not and nothing was ranked at all.
          if (r.hits().isEmpty()) {
            assertEquals(0.0, r.confidence(), "a confidence without its hit");
            missing++;
          } else {
            assertEquals("new-topic", r.hits().get(0).id());
            assertEquals("Quokka badge reader", r.hits().get(0).title());
            assertEquals("misc", r.hits().get(0).category());
            assertEquals(r.confidence(), r.hits().get(0).confidence());
            found++;
          }
        }
      } finally {
        stop.set(true);
        builds.join();
      }
      if (failed.get() != null) throw new AssertionError(failed.get());
      assertTrue(found >= 10 && missing >= 10, found + " with, " + missing + " without");
    }
  }
}
