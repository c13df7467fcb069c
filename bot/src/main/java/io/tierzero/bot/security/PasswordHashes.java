package io.tierzero.bot.security;

import java.io.Console;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes, from the JDK alone: {@code pbkdf2-sha256$<iterations>$<salt,
 * base64>$<hash, base64>}. The iteration count is part of the hash, so it can be raised later
 * without invalidating existing hashes.
 *
 * <p>Run {@code java -cp bot.jar io.tierzero.bot.security.PasswordHashes} to hash a password typed
 * at the prompt (or given as the argument) for {@code
 * tierzero.security.agents.<name>.password-hash}.
 */
public final class PasswordHashes {
  static final String SCHEME = "pbkdf2-sha256";

  /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashes() {}

  public static String hash(char[] password) {
    return hash(password, DEFAULT_ITERATIONS);
  }

  public static String hash(char[] password, int iterations) {
    if (iterations < 1)
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    var salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    var b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(password, salt, iterations, HASH_BITS));
  }

  /**
   * Whether {@code password} matches {@code encoded}; false for a malformed hash. Constant-time.
   */
  public static boolean matches(char[] password, String encoded) {
    var parts = encoded == null ? new String[0] : encoded.strip().split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) return false;
    try {
      int iterations = Integer.parseInt(parts[1]);
      var salt = Base64.getDecoder().decode(parts[2]);
      var expected = Base64.getDecoder().decode(parts[3]);
      if (iterations < 1 || expected.length == 0) return false;
      var actual = derive(password, salt, iterations, expected.length * 8);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
    var spec = new PBEKeySpec(password, salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Prints the hash of the password given as the argument, or typed at the prompt (not echoed). */
  public static void main(String[] args) {
    char[] password;
    if (args.length > 0) {
      password = args[0].toCharArray();
    } else {
      Console console = System.console();
      if (console == null) {
        System.err.println(
            "usage: PasswordHashes <password>   (or run in a terminal to be prompted)");
        System.exit(2);
        return;
      }
      password = console.readPassword("Password: ");
    }
    try {
      System.out.println(hash(password));
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
