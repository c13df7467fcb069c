package io.tierzero.bot.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times and shares, the same on every page. */
public final class Format {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Format() {}

  /** "2026-11-30 14:05 UTC": agents work across time zones, the console speaks UTC. */
  public static String when(Instant at) {
    return WHEN.format(at);
  }

  /** 0.4567 -> "45.7%". */
  public static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }
}
