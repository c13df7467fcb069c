package io.tierzero.bot.redaction;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of what a user typed before it is stored, so transcripts, tickets and
 * analytics never hold them: card numbers (Luhn-checked, so order and phone numbers stay),
 * passwords given in words ("my password is …"), and API keys and tokens by their well-known
 * shapes. Each is replaced by a marker naming what was there, so a reader knows something was
 * removed. Answers to a flow's secret steps never get here: they are stored as "(secret given)".
 */
public final class Redactor {
  public static final String CARD = "[redacted card number]";
  public static final String PASSWORD = "[redacted password]";
  public static final String KEY = "[redacted key]";

  /** 13-19 digits, single spaces or dashes allowed between them (how people type card numbers). */
  private static final Pattern CARD_NUMBER = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");

  /** Shapes of keys and tokens that are unmistakable on their own. */
  private static final Pattern KEYS =
      Pattern.compile(
          String.join(
              "|",
              "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",
              "\\b(?:sk|rk|pk)[-_](?:live|test|proj)[-_][A-Za-z0-9_\\-]{12,}", // Stripe, OpenAI projects
              "\\bsk-[A-Za-z0-9_\\-]{20,}", // OpenAI, Anthropic (sk-ant-…)
              "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}", // GitHub tokens
              "\\bgithub_pat_[A-Za-z0-9_]{30,}",
              "\\bglpat-[A-Za-z0-9_\\-]{20,}", // GitLab
              "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b", // AWS access key ids
              "\\bxox[abprs]-[A-Za-z0-9\\-]{10,}", // Slack
              "\\bAIza[0-9A-Za-z_\\-]{35}", // Google API keys
              "\\beyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}", // JWTs
              "(?i)\\bbearer\\s+[A-Za-z0-9._~+/=\\-]{16,}"));

  /** "api key is …", "token: …", "client_secret=…" followed by something key-like. */
  private static final Pattern LABELLED_KEY =
      Pattern.compile(
          "(?i)\\b((?:api|access|secret|private)[ _-]?key|(?:access|auth|api|bearer)?[ _-]?token|client[ _-]?secret|aws[ _-]secret[ _-]access[ _-]key)"
              + "(\\s*(?:is|was|=|:)\\s*)([A-Za-z0-9._~+/=\\-]{16,})");

  /** "my password is …", "password: …", "pwd=…", with "new"/"old"/"temporary" allowed before it. */
  private static final Pattern PASSWORD_GIVEN =
      Pattern.compile(
          "(?i)\\b((?:(?:my|the|our)\\s+)?(?:(?:new|old|current|temporary|temp|wifi|wi-fi|admin)\\s+)?(?:password|passwort|passwd|passphrase|passcode|pwd|pw|pin))"
              + "(\\s*(?:is|was|is now|=|:|->)\\s*|\\s+is\\s+set\\s+to\\s+)"
              + "(\"[^\"]+\"|'[^']+'|\\S+)");

  /** Words after "password is" in a problem description rather than a password. */
  private static final List<String> ORDINARY =
      List.of(
          "not", "wrong", "expired", "expiring", "incorrect", "locked", "reset", "changed", "the", "a", "an",
          "my", "it", "no", "still", "being", "rejected", "invalid", "broken", "working", "correct",
          "right", "required", "needed", "and", "but", "or", "for", "to", "in", "on", "that", "this",
          "sent", "from", "keeps", "never", "too", "again", "about", "going", "asked", "same", "case",
          "long", "short", "weak", "saved", "stored", "forgotten", "lost", "blocked", "disabled",
          "unknown", "different", "empty", "blank", "missing", "accepted", "ok", "okay", "fine",
          "set", "due", "now", "also", "just", "only", "what", "where", "how", "why", "when", "which",
          "like", "so", "very", "really", "definitely", "probably", "always", "sometimes", "showing",
          "shown", "hidden", "gone", "done", "there", "here", "mine", "yours", "new", "old");

  private Redactor() {}

  /** {@code text} without secrets; {@code null} and empty text come back unchanged. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) return text;
    var out = KEYS.matcher(text).replaceAll(Matcher.quoteReplacement(KEY));
    out = LABELLED_KEY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + KEY));
    out =
        PASSWORD_GIVEN
            .matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement(isPassword(m.group(3)) ? m.group(1) + m.group(2) + PASSWORD : m.group()));
    return CARD_NUMBER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(luhn(m.group()) ? CARD : m.group()));
  }

  private static boolean isPassword(String value) {
    if (value.startsWith("[redacted")) return false;
    var word = value.replaceAll("[.,!?;]+$", "").toLowerCase(Locale.ROOT);
    return !word.isEmpty() && !ORDINARY.contains(word);
  }

  /** The Luhn checksum every payment card number passes (and most other long numbers fail). */
  static boolean luhn(String candidate) {
    var digits = candidate.replaceAll("[^0-9]", "");
    if (digits.length() < 13 || digits.length() > 19) return false;
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
