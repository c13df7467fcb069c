package io.tierzero.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.embed.EmbeddingModelChoice;
import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harmless characters a person can paste or a keyboard can insert: alone they are a question of
 * nothing (no answer, no error); inside a real question they must not change the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OddCharactersTest {
  /**
   * No-break space, BOM, zero-width space, soft hyphen, U+FFFD, a combining mark, RLO, VS16, NEL,
   * U+180E, lone surrogates.
   */
  static final String[] ODD = {
    "\u00A0", "\uFEFF", "\u200B", "\u00AD", "\uFFFD", "\u0301", "\u202E", "\uFE0F", "\u0085",
    "\u180E", "\uD800", "\uDC00", "\u2028", "\u3000", "\u200D", "\u2060", "\u0000"
  };

  @TempDir static Path dir;
  private KnowledgeBase kb;

  @BeforeAll
  void open() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    kb =
        KnowledgeBase.open(
            KbConfig.of(articles, dir.resolve("index")).withModel(EmbeddingModelChoice.MINILM));
  }

  @AfterAll
  void close() throws IOException {
    kb.close();
  }

  @Test
  void a_question_of_only_odd_characters_or_punctuation_is_no_answer_in_every_mode() {
    var questions = new ArrayList<String>();
    for (String c : ODD) {
      questions.add(c);
      questions.add(c.repeat(7));
    }
    questions.add("???");
    questions.add("...");
    questions.add("\uD83D\uDE42");
    questions.add("\uD83D\uDE42\uFE0F");
    for (String q : questions) {
      for (Mode mode : Mode.values()) {
        SearchResult r = kb.search(q, 5, mode);
        assertEquals(Decision.ABSTAIN, r.decision(), mode + " " + escaped(q));
        assertTrue(r.hits().isEmpty(), mode + " " + escaped(q));
      }
    }
  }

  /** Characters that show as, or stand for, a gap between words. */
  static final String[] SPACES = {
    "\u00A0", "\u200B", "\uFFFD", "\u202E", "\u0085", "\u180E", "\uD800", "\uDC00", "\u2028",
    "\u3000", "\u0000"
  };

  /** Characters that sit inside a word and show nothing. */
  static final String[] JOINERS = {"\u00AD", "\uFEFF", "\u200D", "\u2060", "\uFE0F"};

  @Test
  void odd_spaces_between_words_do_not_change_the_answer() {
    for (String c : SPACES) {
      assertAnswers("reset" + c + "my" + c + c + "password");
    }
  }

  @Test
  void invisible_joiners_inside_a_word_do_not_change_the_answer() {
    for (String c : JOINERS) {
      assertAnswers("I forgot my pass" + c + "word");
    }
  }

  @Test
  void odd_characters_around_a_question_do_not_change_the_answer() {
    for (String c : ODD) {
      assertAnswers(c + "I forgot my password " + c);
      assertAnswers(c.repeat(5) + " how do I reset my password");
    }
  }

  private void assertAnswers(String q) {
    for (Mode mode : Mode.values()) {
      SearchResult r = kb.search(q, 5, mode);
      assertEquals(Decision.ANSWER, r.decision(), mode + " " + escaped(q) + " " + r);
      assertEquals("reset-password", r.hits().get(0).id(), mode + " " + escaped(q));
    }
  }

  @Test
  void the_model_embeds_text_without_words_as_the_zero_vector() {
    var model = kb.config().model().load();
    for (String nothing : new String[] {"", "\u0301\u0301", "\uFFFD", "\u200B\uFEFF", "???"}) {
      float[] v = model.embedQuery(nothing);
      assertEquals(model.dimensions(), v.length);
      for (float x : v) assertEquals(0f, x, escaped(nothing));
    }
  }

  @Test
  void a_full_width_question_finds_the_article_of_its_plain_form() {
    assertEquals(
        "connect-vpn", kb.search("ｖｐｎ\u3000from\u00A0home", 5, Mode.BM25).hits().get(0).id());
  }

  @Test
  void suggestions_ignore_invisible_characters() {
    assertEquals(
        "reset-password", kb.suggest("\uFEFFreset\u200B\u00A0pass\u00ADwo", 5).get(0).id());
    assertTrue(kb.suggest("\u200B\uFEFF\uD800", 5).isEmpty());
  }

  private static String escaped(String s) {
    var out = new StringBuilder();
    s.chars()
        .forEach(
            ch ->
                out.append(
                    ch < 0x20 || ch > 0x7E
                        ? String.format("\\u%04X", ch)
                        : String.valueOf((char) ch)));
    return out.toString();
  }
}
