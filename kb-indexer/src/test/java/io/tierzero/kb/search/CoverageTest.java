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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTest {
  @TempDir Path dir;

  private double[] coverage(String question, List<String> ids) throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    try (KbIndex index =
        KbIndex.open(articles, dir.resolve("index"), null, new ArticleParser(), Progress.NONE)) {
      IndexSnapshot snapshot = index.acquire();
      try {
        var q = Question.of(question, snapshot.searcher(), KbAnalyzer.forIndex());
        return Coverage.of(snapshot.searcher(), ids, q, Synonyms.load(articles));
      } finally {
        index.release(snapshot);
      }
    }
  }

  @Test
  void an_article_with_every_word_of_the_question_covers_all_of_it() throws IOException {
    double[] c = coverage("reset password", List.of("reset-password", "printer-jam"));

    assertEquals(1.0, c[0], 1e-9);
    assertEquals(0.0, c[1], 1e-9);
  }

  @Test
  void a_missing_rare_word_weighs_more_than_a_missing_common_one() throws IOException {
    // "overdraft" is in no article: the password article covers only part of the question.
    double[] c = coverage("password overdraft", List.of("reset-password"));

    assertTrue(c[0] > 0 && c[0] < 1, "coverage " + c[0]);
  }

  @Test
  void a_synonym_in_the_article_counts_as_the_word() throws IOException {
    // "pwd" appears in no article; the synonym file makes it "password".
    double[] c = coverage("pwd", List.of("reset-password"));

    assertEquals(1.0, c[0], 1e-9);
  }
}
