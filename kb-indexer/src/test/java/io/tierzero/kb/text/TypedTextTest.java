package io.tierzero.kb.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TypedTextTest {
  @Test
  void odd_spaces_and_word_breaking_invisibles_become_spaces() {
    assertEquals("reset my password", TypedText.clean("reset\u00A0my\u200Bpassword"));
    assertEquals("vpn not working", TypedText.clean("vpn\u202Enot\u0085working"));
    assertEquals("vpn not working", TypedText.clean("vpn\u180Enot\u2028working"));
    assertEquals("vpn not", TypedText.clean("vpn\uFFFDnot"));
  }

  @Test
  void invisibles_inside_a_word_are_removed() {
    assertEquals("password", TypedText.clean("pass\u00ADword"));
    assertEquals("password", TypedText.clean("\uFEFFpass\u2060word"));
    assertEquals("ok", TypedText.clean("o\uFE0Fk"));
  }

  @Test
  void compatibility_forms_are_folded_and_accents_composed() {
    assertEquals("vpn fi", TypedText.clean("ｖｐｎ\u3000ﬁ"));
    assertEquals("caf\u00E9", TypedText.clean("cafe\u0301"));
  }

  @Test
  void lone_surrogates_become_spaces_and_pairs_stay() {
    assertEquals("a b", TypedText.clean("a\uD800b"));
    assertEquals("a b", TypedText.clean("a\uDC00b"));
    assertEquals("a\uD83D\uDE00", TypedText.clean("a\uD83D\uDE00"));
  }

  @Test
  void words_are_letters_or_digits() {
    assertTrue(TypedText.hasWords("vpn"));
    assertTrue(TypedText.hasWords("42"));
    for (String nothing : new String[] {"???", "...", "\uD83D\uDE42", "\u0301", "", " ", null}) {
      assertFalse(TypedText.hasWords(TypedText.clean(nothing)), String.valueOf(nothing));
    }
  }
}
