package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import io.tierzero.kb.parse.ArticleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {
  @TempDir Path dir;

  @Test
  void every_article_a_snapshot_searches_is_in_its_articles_while_builds_come_and_go()
      throws Exception {
    Path articles = TestKb.sample(dir.resolve("articles"));
    try (KbIndex index =
        KbIndex.open(articles, dir.resolve("index"), null, new ArticleParser(), Progress.NONE)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread builds =
          new Thread(
              () -> {
                try {
                  for (int i = 0; !stop.get(); i++) {
                    Path file = articles.resolve("new/new-topic-" + (i % 3) + ".md");
                    if (Files.exists(file)) Files.delete(file);
                    else {
                      TestKb.write(
                          articles,
                          "new/new-topic-" + (i % 3) + ".md",
                          TestKb.article(
                              "new-topic-" + (i % 3), "Quokka", "misc", "Zebra.", "a", "b", "c"));
                    }
                    index.update(false, Progress.NONE);
                  }
                } catch (Throwable e) {
                  failed.set(e);
                }
              });
      builds.start();
      int generations = 0;
      Object last = null;
      try {
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until || generations < 20) {
          IndexSnapshot snapshot = index.acquire();
          try {
            if (snapshot != last) generations++;
            last = snapshot;
            KbSearcher searcher = snapshot.searcher();
            for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
              String id = searcher.articleOf(doc);
              if (id != null) assertNotNull(snapshot.article(id), id + " has its article");
            }
            for (String id : snapshot.articles().keySet()) {
              assertTrue(searcher.articleDoc(id) >= 0, id + " is searchable");
            }
          } finally {
            index.release(snapshot);
          }
          if (failed.get() != null) break;
        }
      } finally {
        stop.set(true);
        builds.join();
      }
      if (failed.get() != null) throw new AssertionError(failed.get());
      assertTrue(generations >= 20, "saw " + generations + " generations");
    }
  }

  @Test
  void a_search_holding_a_snapshot_finishes_on_it_after_a_build() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    try (KbIndex index =
        KbIndex.open(articles, dir.resolve("index"), null, new ArticleParser(), Progress.NONE)) {
      IndexSnapshot held = index.acquire();
      try {
        Files.delete(articles.resolve("vpn/connect-vpn.md"));
        index.update(false, Progress.NONE);

        IndexSnapshot now = index.acquire();
        try {
          assertNull(now.article("connect-vpn"));
          assertEquals(
              0, now.searcher().count(new TermQuery(new Term(Fields.ARTICLE, "connect-vpn"))));
        } finally {
          index.release(now);
        }
        assertNotNull(held.article("connect-vpn"));
        assertTrue(
            held.searcher().count(new TermQuery(new Term(Fields.ARTICLE, "connect-vpn"))) > 0,
            "the older version is still open");
      } finally {
        index.release(held);
      }
      assertNull(index.articles().get("connect-vpn"));
    }
  }
}
