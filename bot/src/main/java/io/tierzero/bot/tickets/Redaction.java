package io.tierzero.bot.tickets;

import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes obvious secrets from text that goes into a ticket: the value after "my password is",
 * one-time codes, card-like numbers. Modest on purpose: the bot never asks for a secret in the
 * chat and flows never store one; this catches what a user types anyway.
 */
public final class Redaction {
  public static final String MASK = "[redacted]";

  /** A label, an optional "is"/"was"/":"/"=", and the value that follows. */
  private static final Pattern LABELLED =
      Pattern.compile(
          "(?i)\\b(pass(?:word|phrase|code)?|pwd|pin|secret|otp|one[- ]time code|verification code|"
              + "security code|code|token|api key|recovery key)(\\s*(?:is|was|=|:)\\s*|\\s+)"
              + "(\"[^\"]*\"|'[^']*'|\\S+)");

  /** 13-19 digits, with spaces or dashes between: card numbers. */
  private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");

  /** Words that follow "password is" in a problem description, not a password. */
  private static final List<String> ORDINARY =
      List.of(
          "not", "wrong", "expired", "expiring", "incorrect", "locked", "reset", "changed", "the",
          "a", "my", "it", "no", "still", "being", "rejected", "invalid", "broken", "working",
          "correct", "right", "required", "needed", "and", "but", "or", "for", "to", "in", "on",
          "that", "this", "sent", "from", "keeps", "never", "too", "again", "about", "going",
          "asked", "same", "case", "long", "short", "weak", "saved", "stored", "forgotten");

  private Redaction() {}

  public static String redact(String text) {
    if (text == null || text.isEmpty()) return text;
    var out =
        LABELLED
            .matcher(text)
            .replaceAll(
                m -> Matcher.quoteReplacement(isSecret(m) ? m.group(1) + m.group(2) + MASK : m.group()));
    return CARD.matcher(out).replaceAll(MASK);
  }

  private static boolean isSecret(MatchResult m) {
    var separator = m.group(2).strip();
    var value = m.group(3);
    // Already redacted where the message was stored ("[redacted password]").
    if (value.startsWith("[redacted")) return false;
    // "the code didn't arrive", "pin reset": without "is" or ":" only something with a digit is a code.
    if (separator.isEmpty()) return value.chars().anyMatch(Character::isDigit);
    var word = value.replaceAll("[.,!?;]+$", "").toLowerCase(Locale.ROOT);
    return !ORDINARY.contains(word);
  }
}
