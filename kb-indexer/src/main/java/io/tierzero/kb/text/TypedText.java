package io.tierzero.kb.text;

import java.text.Normalizer;

/**
 * What a person typed, made plain before analysis: compatibility forms folded (NFKC: a no-break
 * space is a space, "ｖｐｎ" is "vpn", "ﬁ" is "fi"), invisible characters that join a word removed
 * (soft hyphen, zero-width joiners, word joiner, byte order mark, variation selectors), and every
 * other invisible, control or unprintable character made a space (zero-width space, bidirectional
 * controls, NEL, line separators, U+FFFD, lone surrogates).
 *
 * <p>Without this, "reset\u200Bmy password" is one word "resetmy" to the tokenizer (Unicode word
 * breaking ignores format characters), and a question of nothing but such characters reaches the
 * embedding model as empty text, which it refuses.
 */
public final class TypedText {
  private TypedText() {}

  /** {@code text} made plain; null is empty. Letters, digits, marks and symbols are kept. */
  public static String clean(String text) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      if (joinsWord(c)) {
        // dropped
      } else if (breaksWord(c)) {
        out.append(' ');
      } else {
        out.appendCodePoint(c);
      }
      i += width;
    }
    // NFKC after removal: a joiner between two parts must not stop them composing.
    return Normalizer.normalize(out, Normalizer.Form.NFKC);
  }

  /** True when {@code text} has a letter or a digit: something a search can look for. */
  public static boolean hasWords(String text) {
    if (text == null) return false;
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Invisible characters that sit inside a word: removing them leaves the word whole. */
  private static boolean joinsWord(int c) {
    return c == 0x00AD // soft hyphen
        || c == 0x200C // zero-width non-joiner
        || c == 0x200D // zero-width joiner
        || c == 0x2060 // word joiner
        || c == 0xFEFF // byte order mark, zero-width no-break space
        || c == 0x034F // combining grapheme joiner
        || (c >= 0xFE00 && c <= 0xFE0F) // variation selectors (emoji presentation)
        || (c >= 0xE0100 && c <= 0xE01EF); // variation selectors supplement
  }

  /** Characters that show nothing, or only that something was lost: a space stands in. */
  private static boolean breaksWord(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL // NUL, tab, NEL, DEL ...
        || type == Character.FORMAT // zero-width space, bidi controls, U+180E ...
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SPACE_SEPARATOR
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE // a lone half of a pair: no character at all
        || c == 0xFFFD; // the replacement character: something undecodable was here
  }
}
