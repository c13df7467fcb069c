package io.tierzero.bot.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {
  @Test
  void a_hash_matches_its_password_and_nothing_else() {
    var hash = PasswordHashes.hash("open sesame".toCharArray(), 1_000);
    assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), hash);
    assertTrue(PasswordHashes.matches("open sesame".toCharArray(), hash));
    assertFalse(PasswordHashes.matches("open sesame ".toCharArray(), hash));
    assertFalse(PasswordHashes.matches("".toCharArray(), hash));
  }

  @Test
  void the_same_password_hashes_differently_each_time() {
    assertNotEquals(
        PasswordHashes.hash("x".toCharArray(), 1_000),
        PasswordHashes.hash("x".toCharArray(), 1_000));
  }

  @Test
  void malformed_hashes_match_nothing() {
    for (var bad :
        new String[] {
          null, "", "plaintext", "pbkdf2-sha256$x$y$z", "bcrypt$1$a$b", "pbkdf2-sha256$0$AAAA$AAAA"
        }) {
      assertFalse(PasswordHashes.matches("plaintext".toCharArray(), bad), String.valueOf(bad));
    }
  }

  @Test
  void the_demo_hash_is_the_documented_demo_password() {
    var demo =
        "pbkdf2-sha256$600000$0cO2TDLS2X81Wyi10nXDRw$y1m81nt7UCnp9dmQ2P2dBrsUz5W0yTuMH5/baQhhYf8";
    assertTrue(PasswordHashes.matches("tierzero-demo".toCharArray(), demo));
  }
}
