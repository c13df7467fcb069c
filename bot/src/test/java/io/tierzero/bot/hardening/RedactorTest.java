package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.bot.redaction.PlainText;
import io.tierzero.bot.redaction.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    assertEquals(
        "order 4111 1111 1111 1112 is late", Redactor.redact("order 4111 1111 1111 1112 is late"));
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
    for (var secret :
        new String[] {"Hunter2", "Summer2024", "correct horse", "s3cr3t", "Tr0ub4dor"}) {
      assertFalse(redacted.contains(secret), redacted);
    }
  }

  /** Real-world ways of giving a password, and what must be gone from each. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "my password is correct horse battery staple                 | correct horse battery"
            + " staple",
        "the password I use is hunter2                                | hunter2",
        "The password I have been using is Tr0ub4dor&3                | Tr0ub4dor&3",
        "I set my new password to Winter2026!                         | Winter2026",
        "I changed the wifi password to Blue Lagoon 77                 | Blue Lagoon 77",
        "Password - Hunter22                                          | Hunter22",
        "Password – Hunter22                                          | Hunter22",
        "my login is alice and my password is s3cret                  | s3cret",
        "pw: Qwerty!2345                                              | Qwerty!2345",
        "pwd is letmein99                                             | letmein99",
        "PWD=letmein99                                                | letmein99",
        "my password is still Autumn-Leaves-4                         | Autumn-Leaves-4",
        "my password was changed to Spring2025 by the helpdesk         | Spring2025",
        "password Hunter22 doesn't work                               | Hunter22",
        "Hunter22x is my password but it fails                        | Hunter22x",
        "my passcode is 482913                                        | 482913",
        "the passphrase is purple monkey dishwasher, does that work?  | purple monkey dishwasher",
        "my PIN is 4821                                               | 4821",
        "PIN 4821 for the door                                        | 4821",
        "pin code: 0707                                               | 0707",
        "my new password will be Ocean-Breeze-88                      | Ocean-Breeze-88",
        "password: correcthorse                                       | correcthorse",
        "my password is \"correct horse battery\"                     | correct horse",
        "user alice, password: Summer2024. It says invalid            | Summer2024",
      })
  void passwords_given_in_sentences_are_redacted(String text, String secret) {
    var redacted = Redactor.redact(text);
    assertFalse(redacted.contains(secret), redacted);
    assertTrue(redacted.contains(Redactor.PASSWORD) || redacted.contains(Redactor.PIN), redacted);
  }

  @Test
  void a_password_is_redacted_to_the_end_of_its_clause_and_what_comes_before_stays() {
    assertEquals(
        "my login is alice and my password is " + Redactor.PASSWORD,
        Redactor.redact("my login is alice and my password is s3cret"));
    assertEquals(
        "my password is " + Redactor.PASSWORD + ", but outlook says it is wrong",
        Redactor.redact(
            "my password is correct horse battery staple, but outlook says it is wrong"));
    assertEquals(
        "I set my new password to " + Redactor.PASSWORD + " Now what?",
        Redactor.redact("I set my new password to Winter2026! Now what?"));
    assertEquals("my PIN is " + Redactor.PIN, Redactor.redact("my PIN is 4821"));
  }

  @Test
  void a_description_before_a_secret_does_not_hide_the_secret() {
    var redacted = Redactor.redact("my password is not working and my pin is 4821");
    assertEquals("my password is not working and my pin is " + Redactor.PIN, redacted);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "the code was 493021 but it failed      | the code was " + Redactor.CODE + " but it failed",
        "code 493021                            | code " + Redactor.CODE,
        "my verification code is 493 021        | my verification code is " + Redactor.CODE,
        "OTP: 81726354                          | OTP: " + Redactor.CODE,
        "cvv 123                                | cvv " + Redactor.CARD_CODE,
        "the CVC is 4321                        | the CVC is " + Redactor.CARD_CODE,
        "card ending 1111, security code 123     | card ending 1111, security code "
            + Redactor.CARD_CODE,
        "card 4111 1111 1111 1111 was charged   | card " + Redactor.CARD + " was charged",
      })
  void codes_and_card_security_codes_are_redacted(String text, String expected) {
    assertEquals(expected, Redactor.redact(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I forgot my password",
        "password reset not working",
        "how do I change my password",
        "how do I change my password?",
        "my password is expired",
        "my password is wrong",
        "my password is correct but it still fails",
        "my password is not working since Monday",
        "password is not working since Monday",
        "my password was reset yesterday but outlook still asks",
        "my password is the same as my username",
        "my password is too short apparently",
        "the password I use is not accepted",
        "my password is 12 characters long",
        "my password expires in 3 days",
        "the password policy says 12 characters",
        "change password - step 3",
        "Password: forgotten",
        "my password keeps getting rejected",
        "what is my password?",
        "error code 80070005 when I sign in",
        "the security code didn't arrive",
        "my pin reset did not work",
        "the code didn't arrive",
        "call me on extension 4821",
      })
  void descriptions_of_password_problems_are_left_alone(String text) {
    assertEquals(text, Redactor.redact(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hunter2",
        "Winter2026!",
        "Bright-Morning-Tea-2027",
        "correcthorsebatterystaple",
        "iLoveParis"
      })
  void single_words_that_look_like_passwords(String word) {
    assertTrue(Redactor.looksLikePassword(word), word);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "thanks",
        "thanks!",
        "ok",
        "didn't",
        "escalate",
        "alice@example.com",
        "https://example.com/x",
        "thank you"
      })
  void replies_that_do_not_look_like_passwords(String word) {
    assertFalse(Redactor.looksLikePassword(word), word);
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
    assertEquals(
        "the script fails with " + Redactor.KEY + " as the credential",
        redacted.replace("Bearer " + Redactor.KEY, Redactor.KEY));
  }

  @Test
  void a_labelled_key_is_redacted_and_ordinary_words_after_token_are_not() {
    assertEquals(
        "api key: " + Redactor.KEY, Redactor.redact("api key: 9f8e7d6c5b4a39281706f5e4d3c2b1a0"));
    assertEquals("the token expired", Redactor.redact("the token expired"));
  }

  @Test
  void plain_text_loses_nul_and_controls_and_lone_surrogates_but_keeps_emoji_and_line_breaks() {
    assertEquals("ab\tc\n😀\uFFFDd", PlainText.clean("a\u0000b\tc\n😀\ud800d\u0007"));
    assertEquals("unchanged", PlainText.clean("unchanged"));
  }
}
