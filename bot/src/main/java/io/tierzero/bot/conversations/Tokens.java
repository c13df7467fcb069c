package io.tierzero.bot.conversations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Unguessable ids and conversation tokens. */
final class Tokens {
  /** 256 bits: the token is the only thing that authorises access to a conversation. */
  private static final int TOKEN_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /**
   * A time-ordered (version 7) UUID: the creation millisecond, then 74 bits from a secure
   * generator, so ids still cannot be enumerated. Ordered ids keep each new row next to the last
   * in the primary-key and conversation indexes, where random ones scattered every insert across
   * the whole index and made both databases read and rewrite old pages.
   */
  static String newId() {
    return newId(System.currentTimeMillis());
  }

  static String newId(long epochMillis) {
    long random12 = RANDOM.nextInt(1 << 12);
    long random62 = RANDOM.nextLong() >>> 2;
    long high = (epochMillis << 16) | 0x7000L | random12;
    long low = 0x8000_0000_0000_0000L | random62; // variant 10
    return new UUID(high, low).toString();
  }

  static String newToken() {
    var bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** Constant-time, so response timing does not reveal how much of a token was right. */
  static boolean matches(String token, String expectedHash) {
    if (token == null || expectedHash == null) return false;
    return MessageDigest.isEqual(
        hash(token).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
