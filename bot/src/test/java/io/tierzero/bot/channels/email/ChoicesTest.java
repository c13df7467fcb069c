package io.tierzero.bot.channels.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.tierzero.bot.chat.ArticleLink;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A reply by mail picks a choice by its number or its words, as a button would. */
class ChoicesTest {
  private final Choices choices =
      Choices.of(
          new ResourceBundleMessageSource("i18n.channels"),
          List.of(List.of("Reset a forgotten password", "Account locked out", "Something else")),
          List.of(
              List.of(
                  new ArticleLink("vpn", "VPN drops", "s", "/kb/vpn", 0.9, "vpn-reset"),
                  new ArticleLink(
                      "locked", "Account locked out", "s", "/kb/locked", 0.9, "unlock"))));

  @Test
  void a_number_picks_that_line_of_the_list() {
    assertEquals(Optional.of("Account locked out"), choices.chosen("2"));
    assertEquals(Optional.of("start flow vpn-reset"), choices.chosen(" 4. "));
  }

  @Test
  void a_number_beyond_the_list_picks_nothing() {
    assertEquals(Optional.empty(), choices.chosen("7"));
  }

  @Test
  void the_words_of_one_choice_pick_it() {
    assertEquals(Optional.of("Account locked out"), choices.chosen("locked out"));
    assertEquals(Optional.of("Something else"), choices.chosen("something else!"));
  }

  @Test
  void words_of_a_quick_reply_win_over_the_same_words_in_a_guided_fix() {
    assertEquals(Optional.of("Account locked out"), choices.chosen("locked out"));
    assertEquals(Optional.of("start flow vpn-reset"), choices.chosen("vpn drops"));
  }

  @Test
  void words_in_no_choice_or_in_several_pick_nothing() {
    assertEquals(Optional.empty(), choices.chosen("my printer is jammed"));
    assertEquals(Optional.empty(), choices.chosen("a"));
  }
}
