package io.tierzero.bot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "my password is Hunter2!                    | my password is [redacted]",
        "password: correcthorse                     | password: [redacted]",
        "the code was 493021 but it failed          | the code was [redacted] but it failed",
        "code 493021                                | code [redacted]",
        "my PIN is 4321                             | my PIN is [redacted]",
        "card 4111 1111 1111 1111 was charged       | card [redacted] was charged",
        "my password is not working                 | my password is not working",
        "the code didn't arrive                     | the code didn't arrive",
        "I forgot my password                       | I forgot my password",
      })
  void obvious_secrets_are_masked_and_problem_descriptions_kept(String text, String expected) {
    assertEquals(expected, Redaction.redact(text));
  }
}
