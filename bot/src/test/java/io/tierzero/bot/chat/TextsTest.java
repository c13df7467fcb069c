package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void normalising_ignores_case_punctuation_and_spacing() {
    assertEquals("thanks that worked", Texts.normalize("  Thanks!!  That WORKED. "));
  }

  @Test
  void phrases_match_whole_words_only() {
    var pay = Texts.anyPhrase(List.of("pay", "time off"));
    assertTrue(pay.matcher(Texts.normalize("When is pay day?")).find());
    assertTrue(pay.matcher(Texts.normalize("Can I take time-off")).find());
    assertFalse(pay.matcher(Texts.normalize("PayPal login fails")).find());
    assertFalse(pay.matcher(Texts.normalize("repay")).find());
  }
}
