package io.tierzero.bot.ids;

import java.security.SecureRandom;
import java.util.UUID;

/** Primary keys for every table: one kind of id, made one way. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /**
   * A time-ordered (version 7) UUID: the creation millisecond, then 74 bits from a secure
   * generator, so ids still cannot be enumerated. Ordered ids keep each new row next to the last in
   * the primary-key and foreign-key indexes, where random ones scattered every insert across the
   * whole index and made both databases read and rewrite old pages.
   */
  public static String newId() {
    return newId(System.currentTimeMillis());
  }

  static String newId(long epochMillis) {
    long random12 = RANDOM.nextInt(1 << 12);
    long random62 = RANDOM.nextLong() >>> 2;
    long high = (epochMillis << 16) | 0x7000L | random12;
    long low = 0x8000_0000_0000_0000L | random62; // variant 10
    return new UUID(high, low).toString();
  }
}
