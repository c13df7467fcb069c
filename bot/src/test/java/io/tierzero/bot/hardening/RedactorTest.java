package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.bot.redaction.PlainText;
import io.tierzero.bot.redaction.Redactor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void card_numbers_that_pass_luhn_are_redacted_with_a_marker() {
    assertEquals(
        "charged to " + Redactor.CARD + " twice",
        Redactor.redact("charged to 4111 1111 1111 1111 twice"));
    assertEquals("card " + Redactor.CARD, Redactor.redact("card 5500-0000-0000-0004"));
    assertEquals(Redactor.CARD, Redactor.redact("378282246310005"));
  }

  @Test
  void long_numbers_that_fail_luhn_stay_so_order_and_asset_numbers_survive() {
    assertEquals("order 4111 1111 1111 1112 is late", Redactor.redact("order 4111 1111 1111 1112 is late"));
    assertEquals("asset 1234567890123", Redactor.redact("asset 1234567890123"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "my password is Hunter2!",
        "password: Summer2024",
        "my new password is \"correct horse battery\"",
        "pwd=s3cr3t",
        "the wifi password is Tr0ub4dor"
      })
  void passwords_given_in_words_are_redacted(String text) {
    var redacted = Redactor.redact(text);
    assertTrue(redacted.contains(Redactor.PASSWORD), redacted);
    for (var secret : new String[] {"Hunter2", "Summer2024", "correct horse", "s3cr3t", "Tr0ub4dor"}) {
      assertFalse(redacted.contains(secret), redacted);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "my password is expired",
        "password is not working since Monday",
        "my password was reset yesterday but outlook still asks",
        "I forgot my password"
      })
  void descriptions_of_password_problems_are_left_alone(String text) {
    assertEquals(text, Redactor.redact(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk-proj-abcdefghijklmnopqrstuvwxyz012345",
        "sk-ant-api03-abcdefghijklmnopqrstuvwxyz",
        "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
        "AKIAIOSFODNN7EXAMPLE",
        "xoxb-1234567890-abcdefghij",
        "Bearer abcdefghijklmnopqrstuvwxyz.0123",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
      })
  void api_keys_and_tokens_are_redacted(String key) {
    var redacted = Redactor.redact("the script fails with " + key + " as the credential");
    assertEquals("the script fails with " + Redactor.KEY + " as the credential", redacted.replace("Bearer " + Redactor.KEY, Redactor.KEY));
  }

  @Test
  void a_labelled_key_is_redacted_and_ordinary_words_after_token_are_not() {
    assertEquals("api key: " + Redactor.KEY, Redactor.redact("api key: 9f8e7d6c5b4a39281706f5e4d3c2b1a0"));
    assertEquals("the token expired", Redactor.redact("the token expired"));
  }

  @Test
  void plain_text_loses_nul_and_controls_and_lone_surrogates_but_keeps_emoji_and_line_breaks() {
    assertEquals("ab\tc\n😀\uFFFDd", PlainText.clean("a\u0000b\tc\n😀\ud800d\u0007"));
    assertEquals("unchanged", PlainText.clean("unchanged"));
  }
}
