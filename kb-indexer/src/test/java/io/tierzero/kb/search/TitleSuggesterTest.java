package io.tierzero.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.kb.parse.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitleSuggesterTest {
  private static Article article(String id, String title, String... questions) {
    return new Article(
        id, title, "", List.of(), "", "", "", List.of(questions), null, "x", List.of(), null);
  }

  private final TitleSuggester suggester =
      new TitleSuggester(
          List.of(
              article("reset", "Reset a forgotten password", "I forgot my login"),
              article("change", "Change your password"),
              article("vpn", "Connect to the VPN")));

  @Test
  void completes_the_word_being_typed() {
    assertEquals(
        List.of(
            new Suggestion("change", "Change your password"),
            new Suggestion("reset", "Reset a forgotten password")),
        suggester.suggest("passw", 5));
  }

  @Test
  void matches_every_typed_word_and_looks_into_questions() {
    assertEquals(
        List.of(new Suggestion("reset", "Reset a forgotten password")),
        suggester.suggest("reset pass", 5));
    assertEquals(
        List.of(new Suggestion("reset", "Reset a forgotten password")),
        suggester.suggest("forgot my log", 5));
  }

  @Test
  void suggests_nothing_for_blank_input_and_respects_the_limit() {
    assertEquals(List.of(), suggester.suggest("  ", 5));
    assertEquals(1, suggester.suggest("p", 1).size());
  }
}
