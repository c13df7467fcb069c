package io.tierzero.kb.intent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Light clean-up of what people type, before anything else looks at it: curly quotes made straight,
 * contractions typed without their apostrophe restored ("cant" -> "can't", "im" -> "I'm"), chat
 * shorthand written out ("pls", "u", "thx"), "pass word" joined, repeated punctuation collapsed,
 * and the bot's own name dropped ("hey tier zero" is "hey"). Spelling is left to the search's own
 * typo correction.
 */
public final class Normalizer {
  /**
   * Contractions people type without the apostrophe; none of these is also a common English word
   * ("ill" is, so it stays).
   */
  private static final Map<String, String> CONTRACTIONS =
      Map.ofEntries(
          Map.entry("cant", "can't"),
          Map.entry("dont", "don't"),
          Map.entry("wont", "won't"),
          Map.entry("im", "I'm"),
          Map.entry("ive", "I've"),
          Map.entry("isnt", "isn't"),
          Map.entry("doesnt", "doesn't"),
          Map.entry("didnt", "didn't"),
          Map.entry("wasnt", "wasn't"),
          Map.entry("couldnt", "couldn't"),
          Map.entry("shouldnt", "shouldn't"),
          Map.entry("wouldnt", "wouldn't"),
          Map.entry("havent", "haven't"),
          Map.entry("hasnt", "hasn't"),
          Map.entry("arent", "aren't"),
          Map.entry("werent", "weren't"),
          Map.entry("youre", "you're"),
          Map.entry("thats", "that's"),
          Map.entry("whats", "what's"),
          Map.entry("theres", "there's"),
          Map.entry("hows", "how's"),
          Map.entry("wheres", "where's"),
          Map.entry("aint", "ain't"),
          Map.entry("youve", "you've"),
          Map.entry("theyre", "they're"),
          Map.entry("whos", "who's"),
          Map.entry("youll", "you'll"),
          Map.entry("theyve", "they've"),
          Map.entry("weve", "we've"));

  /**
   * Chat shorthand written out, so the sentence model (trained on written English) and the search
   * see the words: "pls", "u", "ur", "thx", "gtg", "pwd", ... Only forms that are not also common
   * English words ("r", "n", "y" and "inc" stay as typed).
   */
  private static final Map<String, String> SHORTHAND =
      Map.ofEntries(
          Map.entry("pls", "please"),
          Map.entry("plz", "please"),
          Map.entry("plse", "please"),
          Map.entry("pleeease", "please"),
          Map.entry("u", "you"),
          Map.entry("ur", "your"),
          Map.entry("yr", "your"),
          Map.entry("thx", "thanks"),
          Map.entry("thnx", "thanks"),
          Map.entry("thanx", "thanks"),
          Map.entry("tnx", "thanks"),
          Map.entry("thks", "thanks"),
          Map.entry("tx", "thanks"),
          Map.entry("gtg", "got to go"),
          Map.entry("g2g", "got to go"),
          Map.entry("brb", "be right back"),
          Map.entry("ttyl", "talk to you later"),
          Map.entry("cya", "see you"),
          Map.entry("nite", "night"),
          Map.entry("idk", "I don't know"),
          Map.entry("dunno", "don't know"),
          Map.entry("wanna", "want to"),
          Map.entry("gonna", "going to"),
          Map.entry("gotta", "got to"),
          Map.entry("lemme", "let me"),
          Map.entry("gimme", "give me"),
          Map.entry("abt", "about"),
          Map.entry("bc", "because"),
          Map.entry("cuz", "because"),
          Map.entry("coz", "because"),
          Map.entry("smth", "something"),
          Map.entry("sth", "something"),
          Map.entry("ppl", "people"),
          Map.entry("msg", "message"),
          Map.entry("tkt", "ticket"),
          Map.entry("pwd", "password"),
          Map.entry("passwd", "password"),
          Map.entry("acct", "account"),
          Map.entry("kk", "ok"));

  private static final Pattern WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}'])\\p{L}+(?![\\p{L}\\p{N}'])");
  private static final Pattern PASS_WORD = Pattern.compile("(?i)\\bpass[ -]word(s?)\\b");
  private static final Pattern REPEATED = Pattern.compile("([!?.,])\\1+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Pattern botName;

  /**
   * @param botNames the names people call the bot by, e.g. "Tier Zero"
   */
  public Normalizer(List<String> botNames) {
    var alternatives =
        botNames.stream()
            .filter(n -> !n.isBlank())
            .map(
                n ->
                    Pattern.quote(n.strip().toLowerCase(Locale.ROOT)).replace(" ", "\\E[\\s-]*\\Q"))
            .toList();
    this.botName =
        alternatives.isEmpty()
            ? null
            : Pattern.compile(
                "(?iu)[,\\s]*(?<![\\p{L}\\p{N}])(?:"
                    + String.join("|", alternatives)
                    + ")(?![\\p{L}\\p{N}])[,!.:]*");
  }

  /** "Tier Zero" and its short forms. */
  public static Normalizer defaults() {
    return new Normalizer(List.of("tier zero", "tierzero", "tier 0", "tier0"));
  }

  public String normalize(String text) {
    String s =
        text.replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201B', '\'')
            .replace('\u02BC', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"')
            .replace('\u00B4', '\'')
            .replace('`', '\'');
    s = REPEATED.matcher(s).replaceAll("$1");
    if (botName != null) {
      String without = botName.matcher(s).replaceAll(" ").strip();
      // A message that is only the name ("tier zero?") is a greeting of sorts: keep it.
      if (!without.replaceAll("[\\p{P}\\s]", "").isEmpty()) s = without;
    }
    s = PASS_WORD.matcher(s).replaceAll("password$1");
    Matcher words = WORD.matcher(s);
    StringBuilder out = new StringBuilder();
    while (words.find()) {
      String w = words.group();
      String lower = w.toLowerCase(Locale.ROOT);
      String fixed = CONTRACTIONS.getOrDefault(lower, SHORTHAND.getOrDefault(lower, w));
      words.appendReplacement(out, Matcher.quoteReplacement(fixed));
    }
    words.appendTail(out);
    return SPACES.matcher(out.toString()).replaceAll(" ").strip();
  }
}
