package io.tierzero.bot.chat;

import io.tierzero.kb.text.TypedText;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Phrase matching on what users type: case, punctuation and spacing do not matter. */
public final class Texts {
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Texts() {}

  /** "Thanks!! That WORKED." -> "thanks that worked". Apostrophes become spaces: "didn t". */
  public static String normalize(String text) {
    // Made plain first, so that "pass\u00ADword" is one word and "ｔｈａｎｋｓ" is "thanks".
    return NOT_WORD.matcher(TypedText.clean(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /**
   * A pattern that finds any of {@code phrases} as whole words in normalised text. Phrases are
   * normalised the same way, so configuration can be written naturally ("time off", "Pay-slip").
   */
  public static Pattern anyPhrase(Collection<String> phrases) {
    var alternatives =
        phrases.stream()
            .map(Texts::normalize)
            .filter(p -> !p.isEmpty())
            .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
            .collect(Collectors.joining("|"));
    if (alternatives.isEmpty()) return Pattern.compile("(?!)");
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
  }
}
