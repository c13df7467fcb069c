package io.tierzero.bot.redaction;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of what a user typed, the one set of rules for everything that keeps or sends
 * user text: the chat applies it where a message is stored, tickets again to what they send (the
 * form's details, and transcripts stored before a rule was added). It removes card numbers
 * (Luhn-checked, so order and phone numbers stay) and card security codes, passwords, passphrases
 * and PINs given in a sentence ("my password is …", "the password I use is …", "I set my new
 * password to …", "Password - …", "pw: …"), one-time codes ("the code was 493021"), and API keys
 * and tokens by their well-known shapes or a label. Each is replaced by a marker naming what was
 * there, so a reader knows something was removed.
 *
 * <p>A password given in a sentence is removed to the end of its clause (the next ", ", ";", line
 * break or sentence end), not one word: passphrases have spaces. What follows "password is" is left
 * alone when it reads as a description of a problem ("is not working", "was reset yesterday but …",
 * "is correct but …"), so "I forgot my password" or "password reset not working" reach a person as
 * written. Answers to a flow's secret steps never get here: the chat stores them as "(secret
 * given)".
 */
public final class Redactor {
  public static final String CARD = "[redacted card number]";
  public static final String CARD_CODE = "[redacted card security code]";
  public static final String PASSWORD = "[redacted password]";
  public static final String PIN = "[redacted PIN]";
  public static final String CODE = "[redacted code]";
  public static final String KEY = "[redacted key]";

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** 13-19 digits, single spaces or dashes allowed between them (how people type card numbers). */
  private static final Pattern CARD_NUMBER =
      Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");

  /** Shapes of keys and tokens that are unmistakable on their own. */
  private static final Pattern KEYS =
      Pattern.compile(
          String.join(
              "|",
              "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",
              "\\b(?:sk|rk|pk)[-_](?:live|test|proj)[-_][A-Za-z0-9_\\-]{12,}", // Stripe, OpenAI
              // projects
              "\\bsk-[A-Za-z0-9_\\-]{20,}", // OpenAI, Anthropic (sk-ant-…)
              "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}", // GitHub tokens
              "\\bgithub_pat_[A-Za-z0-9_]{30,}",
              "\\bglpat-[A-Za-z0-9_\\-]{20,}", // GitLab
              "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b", // AWS access key ids
              "\\bxox[abprs]-[A-Za-z0-9\\-]{10,}", // Slack
              "\\bAIza[0-9A-Za-z_\\-]{35}", // Google API keys
              "\\beyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}", // JWTs
              "(?i)\\bbearer\\s+[A-Za-z0-9._~+/=\\-]{16,}"));

  /**
   * "api key is …", "token: …", "client_secret=…", "recovery key …" followed by something key-like.
   */
  private static final Pattern LABELLED_KEY =
      Pattern.compile(
          "(?i)\\b((?:api|access|secret|private)[ _-]?key|(?:access|auth|api|bearer)?["
              + " _-]?token|client[ _-]?secret|aws[ _-]secret[ _-]access[ _-]key|(?:bitlocker["
              + " _-])?recovery[ _-]?key)(\\s*(?:is|was|=|:)\\s*|\\s+)([A-Za-z0-9._~+/=\\-]{16,})");

  /** The code on the back of a card. "security code" only counts near a card (see CARD_CONTEXT). */
  private static final Pattern CARD_SECURITY_CODE =
      Pattern.compile(
          "\\b(?<lead>(?<label>cvv2?|cvc2?|cv2|csc|cid|(?:card\\s+)?security\\s+code)(?:\\s+(?:code|number|no\\.?))?"
              + "(?:\\s*(?:is|was|[:=-])\\s*|\\s+))(?<value>\\d{3,4})(?!\\d)",
          FLAGS);

  private static final Pattern ONLY_NEAR_CARD =
      Pattern.compile("(?:card\\s+)?security\\s+code|cid", FLAGS);

  private static final Pattern CARD_CONTEXT =
      Pattern.compile(
          "\\b(?:card|visa|mastercard|amex|american express|credit|debit|expiry|expires|exp)\\b",
          FLAGS);

  /** A one-time code: a label, then 4 to 8 digits ("the code was 493021", "OTP: 493 021"). */
  private static final Pattern ONE_TIME_CODE =
      Pattern.compile(
          "\\b(?<lead>(?<label>(?:one[- ]?time|verification|security|sign[- ]?in|log[-"
              + " ]?in|mfa|2fa|two[- ]factor"
              + "|authentication|auth|confirmation|access|sms|text)\\s+(?:pass)?code|t?otp|code)(?:\\s*(?:is|was|[:=-])\\s*|\\s+))(?<value>\\d(?:["
              + " -]?\\d){3,7})(?![\\d-])",
          FLAGS);

  /** Words before a bare "code" that make it something other than a one-time code. */
  private static final Set<String> NOT_ONE_TIME =
      Set.of(
          "error",
          "exit",
          "status",
          "response",
          "http",
          "zip",
          "post",
          "postal",
          "area",
          "country",
          "product",
          "promo",
          "discount",
          "source",
          "dial",
          "sort",
          "tax",
          "bar",
          "qr",
          "reference",
          "ref",
          "ticket",
          "order",
          "fault",
          "stop",
          "return",
          "event",
          "reason",
          "result",
          "cost",
          "billing",
          "pin");

  /** "my", "the new", "our wifi": what may stand before the word password. */
  private static final String OWNER =
      "(?:(?:my|the|our|your|a|his|her|their)\\s+)?(?:(?:new|old|current|temporary|temp|previous|initial|wifi|wi-fi"
          + "|admin|windows|email|e-mail|login|account|network|vpn|laptop|computer|phone|sim|bank|door|alarm)\\s+){0,2}";

  /** The words for a password, a passphrase or a PIN. */
  private static final String SECRET_WORD =
      "(?<label>pass(?:word|wort|wd|phrase|code)s?|pass\\s+phrase|pwd|pw|pin(?:\\s+(?:code|number|no\\.?))?)";

  /**
   * The value: quoted, or everything to the end of the clause (a following ", " or "; ", a line
   * break, the end) or the sentence (its ".", "!" or "?" go with it, as they may be the password's
   * own last characters).
   */
  private static final String VALUE =
      "(?<value>(?<quoted>\"[^\"\\n]+\"|'[^'\\n]+'|\u201C[^\u201D\\n]+\u201D)"
          // Possessive, one character class at a time: a long clause costs one pass, never
          // backtracking.
          + "|\\S(?:[^\\n,;.!?]++|[,;](?!\\s)|[.!?]++(?!\\s|$))*+[.!?]*+)";

  /** "I set my new password to …", "changed the wifi password to …". */
  private static final Pattern SET_TO =
      Pattern.compile(
          "\\b(?<lead>(?:set|changed?|changing|reset|updated?|made|make|chose|picked|switched)\\s+"
              + OWNER
              + SECRET_WORD
              + "\\s+(?:to|as|into)\\s+)"
              + VALUE,
          FLAGS);

  /**
   * "my password is …", "password: …", "pwd=…", "Password - …", "the password I use is …", "the
   * password was changed to …", "pw …" with something that has a digit.
   */
  private static final Pattern GIVEN =
      Pattern.compile(
          "\\b(?<lead>"
              + OWNER
              + SECRET_WORD
              + "(?:\\s+(?:(?:has|had)\\s+been|was|is|got|is\\s+now)\\s+(?:changed|set|reset|updated)\\s+(?:back\\s+)?to\\s+"
              + "|(?:\\s+(?:that|which))?\\s+(?:i|we|you)(?:['\u2019](?:m|ve|d))?(?:\\s+[a-z'\u2019]+){1,3}?\\s+(?:is|was)"
              + "(?:\\s+(?:now|still|currently|just|actually))?(?:\\s*[:=]\\s*|\\s+)"
              + "|\\s+(?:is|was|will\\s+be|should\\s+be|would\\s+be|has\\s+been|had\\s+been)"
              + "(?:\\s+(?:now|still|currently|just|actually|probably|always))?(?:\\s*[:=]\\s*|\\s+)"
              + "|\\s*(?:[:=]|->|=>)\\s*|(?<dash>\\s+[-\u2013\u2014]+\\s*|[-\u2013\u2014]+\\s+)))"
              + VALUE,
          FLAGS);

  /** "password Hunter22 doesn't work", "PIN 4821": no "is", so only a word with a digit counts. */
  private static final Pattern WORD_AFTER =
      Pattern.compile(
          "\\b(?<lead>" + OWNER + SECRET_WORD + "\\s+)(?<value>(?=[^\\s,;]*\\d)[^\\s,;]{4,})",
          FLAGS);

  /** "Hunter22 is my password", "I used Tr0ub4dor as my password". */
  private static final Pattern BEFORE =
      Pattern.compile(
          "(?<value>(?<![\\S])[^\\s\"'][^\\s]{3,})(?<rest>\\s+(?:is|was|as)\\s+(?:my|the|our)\\s+(?:(?:new|old|current|wifi)\\s+)?"
              + "(?<label>password|passphrase|passcode|pin)\\b)",
          FLAGS);

  /** Words that start a description, never a password: "is not …", "is the same …". */
  private static final Set<String> DESCRIBING =
      Set.of(
          "not",
          "no",
          "never",
          "the",
          "a",
          "an",
          "my",
          "your",
          "our",
          "it",
          "its",
          "it's",
          "this",
          "that",
          "these",
          "those",
          "being",
          "been",
          "too",
          "also",
          "just",
          "only",
          "so",
          "very",
          "really",
          "definitely",
          "probably",
          "always",
          "sometimes",
          "still",
          "now",
          "already",
          "what",
          "where",
          "how",
          "why",
          "when",
          "which",
          "who",
          "like",
          "same",
          "different",
          "something",
          "anything",
          "nothing",
          "one",
          "another",
          "else",
          "whatever",
          "please",
          "help",
          "need",
          "needs",
          "can",
          "could",
          "should",
          "would",
          "will",
          "may",
          "might",
          "must",
          "and",
          "but",
          "or",
          "for",
          "to",
          "in",
          "on",
          "at",
          "of",
          "about",
          "from",
          "with",
          "without",
          "by",
          "ok",
          "okay",
          "fine",
          "good",
          "bad",
          "there",
          "here",
          "mine",
          "yours",
          "new",
          "old",
          "less",
          "more",
          "at least",
          "required",
          "needed",
          "due",
          "set",
          "reset",
          "sent",
          "saved",
          "stored",
          "shown",
          "hidden",
          "isn't",
          "wasn't",
          "doesn't",
          "didn't",
          "won't",
          "can't",
          "cannot",
          "don't",
          "i",
          "i'm",
          "we",
          "you");

  /**
   * Words that describe a password's state: a description when alone ("is wrong") or followed by
   * ordinary words ("is correct but …"); the first word of a passphrase otherwise ("correct horse
   * battery staple").
   */
  private static final Set<String> STATE =
      Set.of(
          "wrong",
          "expired",
          "expiring",
          "incorrect",
          "locked",
          "changed",
          "rejected",
          "invalid",
          "broken",
          "working",
          "correct",
          "right",
          "forgotten",
          "lost",
          "blocked",
          "disabled",
          "unknown",
          "empty",
          "blank",
          "missing",
          "accepted",
          "long",
          "short",
          "weak",
          "strong",
          "case",
          "sensitive",
          "default",
          "gone",
          "done",
          "failing",
          "failed",
          "fails",
          "keeps",
          "asked",
          "again",
          "showing",
          "compromised",
          "leaked",
          "stolen",
          "visible",
          "valid",
          "known",
          "different",
          "unchanged",
          "temporary",
          "outdated",
          "old",
          "useless",
          "fine",
          "great",
          "ok",
          "okay",
          "true",
          "false",
          "there",
          "saved",
          "stored",
          "obvious",
          "simple",
          "easy",
          "hard",
          "complicated",
          "complex",
          "secure",
          "insecure",
          "strange",
          "weird");

  /** Ordinary words: once one follows a state word, the clause is a description. */
  private static final Set<String> ORDINARY =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "but",
          "or",
          "so",
          "because",
          "since",
          "for",
          "to",
          "in",
          "on",
          "at",
          "by",
          "with",
          "from",
          "of",
          "out",
          "up",
          "off",
          "again",
          "yet",
          "still",
          "now",
          "today",
          "yesterday",
          "tomorrow",
          "anymore",
          "though",
          "however",
          "when",
          "after",
          "before",
          "it",
          "i",
          "my",
          "me",
          "is",
          "was",
          "be",
          "not",
          "no",
          "too",
          "also",
          "just",
          "only",
          "already",
          "says",
          "said",
          "say",
          "keeps",
          "every",
          "everywhere",
          "time",
          "times",
          "week",
          "weeks",
          "day",
          "days",
          "month",
          "months",
          "morning",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "apparently",
          "suddenly",
          "somehow",
          "always",
          "sometimes",
          "often",
          "according",
          "as",
          "than",
          "then",
          "there",
          "here",
          "this",
          "that",
          "please",
          "help",
          "why",
          "what",
          "how",
          "if",
          "whenever",
          "all",
          "any",
          "each",
          "outlook",
          "teams",
          "windows",
          "vpn",
          "wifi",
          "email",
          "account",
          "laptop",
          "phone",
          "computer",
          "login",
          "sign",
          "signing",
          "log",
          "logging",
          "works",
          "work",
          "working",
          "doesn't",
          "don't",
          "didn't",
          "won't",
          "can't",
          "isn't",
          "wasn't",
          "even",
          "both",
          "either",
          "neither",
          "anyway");

  /** Units after a number: "is 12 characters long" describes a password, it is not one. */
  private static final Set<String> UNITS =
      Set.of(
          "characters",
          "chars",
          "letters",
          "digits",
          "numbers",
          "long",
          "days",
          "weeks",
          "months",
          "years",
          "times",
          "hours",
          "minutes");

  /** A word of a value, without the quotes and punctuation around it. */
  private static final Pattern WORD =
      Pattern.compile("[^\\s\"'(\u201C.,!?;:)\u201D](?:[^\\s]*[^\\s\"').,!?;:\u201D])?");

  /** Words of a value read to decide whether it is a description: a passphrase is shorter. */
  private static final int WORDS_READ = 12;

  private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}\\p{N}]+)[^\\p{L}\\p{N}]*$");
  private static final Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}\\p{N}]*([\\p{L}\\p{N}]+)");

  private Redactor() {}

  /** {@code text} without secrets; {@code null} and empty text come back unchanged. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) return text;
    var out = KEYS.matcher(text).replaceAll(Matcher.quoteReplacement(KEY));
    out =
        LABELLED_KEY
            .matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + KEY));
    // "security code 123" is a card's only near a card; CVV and CVC always are.
    boolean nearCard =
        CARD_CONTEXT.matcher(out).find()
            || CARD_NUMBER.matcher(out).results().anyMatch(m -> luhn(m.group()));
    out =
        replace(
            CARD_SECURITY_CODE,
            out,
            (m, t) -> nearCard || !ONLY_NEAR_CARD.matcher(m.group("label")).matches(),
            m -> CARD_CODE);
    out = replace(ONE_TIME_CODE, out, Redactor::isOneTimeCode, m -> CODE);
    out =
        replace(
            SET_TO,
            out,
            (m, t) -> isPasswordValue(m.group("value"), m.group("quoted") != null, false),
            Redactor::marker);
    out =
        replace(
            GIVEN,
            out,
            (m, t) ->
                isPasswordValue(
                    m.group("value"), m.group("quoted") != null, m.group("dash") != null),
            Redactor::marker);
    out =
        replace(
            WORD_AFTER,
            out,
            (m, t) ->
                !m.group("value").startsWith("[redacted")
                    && !UNITS.contains(wordAfter(t, m.end("value"))),
            Redactor::marker);
    out = replaceBefore(out);
    return CARD_NUMBER
        .matcher(out)
        .replaceAll(m -> Matcher.quoteReplacement(luhn(m.group()) ? CARD : m.group()));
  }

  /**
   * One word that could be a password rather than a reply such as "thanks!" or "ok": no spaces, 6
   * characters or more, and a digit, a symbol, a capital after the first letter, or 16 characters
   * or more (a passphrase typed without spaces, longer than an ordinary word).
   */
  public static boolean looksLikePassword(String text) {
    if (text == null
        || text.length() < 6
        || text.length() > 256
        || text.codePoints().anyMatch(Character::isWhitespace)) return false;
    var lower = text.toLowerCase(Locale.ROOT);
    if (lower.matches("[^@]+@[^@]+\\.[^@]+")
        || lower.startsWith("http://")
        || lower.startsWith("https://")) return false;
    var word = text.replaceAll("[.!?,;:]+$", "");
    return hasSecretShape(word) || word.length() >= 16;
  }

  /**
   * A digit, a symbol (an apostrophe makes "didn't" a word, not a password) or an inner capital.
   */
  private static boolean hasSecretShape(String word) {
    boolean digit = word.chars().anyMatch(Character::isDigit);
    boolean symbol =
        word.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && c != '\'' && c != '\u2019');
    boolean innerCapital =
        word.length() > 1 && word.substring(1).chars().anyMatch(Character::isUpperCase);
    return digit || symbol || innerCapital;
  }

  /**
   * Whether what follows "password is" is the password: quoted, shaped like one, or words that do
   * not read as a description. After a dash ("Password - …") only something shaped like a password
   * counts ("change password - step 3" is a heading).
   */
  private static boolean isPasswordValue(String value, boolean quoted, boolean afterDash) {
    if (value.startsWith("[redacted")) return false;
    if (quoted) return value.length() > 2;
    // The first words decide; reading at most a dozen keeps a long clause cheap.
    var words = WORD.matcher(value).results().limit(WORDS_READ).map(MatchResult::group).toList();
    if (words.isEmpty()) return false;
    var first = words.get(0);
    var firstLower = first.toLowerCase(Locale.ROOT);
    if (first.chars().allMatch(Character::isDigit)
        && words.size() > 1
        && UNITS.contains(words.get(1).toLowerCase(Locale.ROOT))) return false;
    if (hasSecretShape(first) && !DESCRIBING.contains(firstLower)) return true;
    if (afterDash) return false;
    if (DESCRIBING.contains(firstLower)) return false;
    boolean describes =
        STATE.contains(firstLower) || firstLower.endsWith("ing") || firstLower.endsWith("ed");
    if (!describes) return true;
    if (words.size() == 1) return false;
    return words.stream()
        .skip(1)
        .map(w -> w.toLowerCase(Locale.ROOT))
        .noneMatch(w -> ORDINARY.contains(w) || STATE.contains(w) || DESCRIBING.contains(w));
  }

  /**
   * A bare "code" is a one-time code unless the word before makes it an error, status or zip code.
   */
  private static boolean isOneTimeCode(Matcher m, String text) {
    if (!m.group("label").equalsIgnoreCase("code")) return true;
    return !NOT_ONE_TIME.contains(wordBefore(text, m.start()));
  }

  private static String marker(Matcher m) {
    return m.group("label").toLowerCase(Locale.ROOT).startsWith("pin") ? PIN : PASSWORD;
  }

  /** The word just before {@code at}; only a short stretch is read, so long texts stay linear. */
  private static String wordBefore(String text, int at) {
    var m = LAST_WORD.matcher(text.substring(Math.max(0, at - 40), at));
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  private static String wordAfter(String text, int at) {
    var m = FIRST_WORD.matcher(text.substring(at, Math.min(text.length(), at + 40)));
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * Replaces each match's {@code value} group with a marker where {@code secret} says so; a match
   * that is not a secret is passed over from the end of its lead only, so a later secret in the
   * same clause ("my password is not working and my PIN is 4821") is still found.
   */
  private static String replace(
      Pattern pattern,
      String text,
      BiPredicate<Matcher, String> secret,
      Function<Matcher, String> marker) {
    var m = pattern.matcher(text);
    var out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      if (secret.test(m, text)) {
        out.append(text, copied, m.start("value")).append(marker.apply(m));
        copied = m.end("value");
        from = Math.max(m.end("value"), m.start() + 1);
      } else {
        from = Math.max(m.end("lead"), m.start() + 1);
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static String replaceBefore(String text) {
    return BEFORE
        .matcher(text)
        .replaceAll(
            m -> {
              var value = m.group("value");
              boolean secret =
                  !value.startsWith("[redacted")
                      && looksLikePassword(value)
                      && !DESCRIBING.contains(value.toLowerCase(Locale.ROOT));
              var marker = m.group("label").toLowerCase(Locale.ROOT).equals("pin") ? PIN : PASSWORD;
              return Matcher.quoteReplacement(secret ? marker + m.group("rest") : m.group());
            });
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
