package io.tierzero.bot.redaction;

/**
 * Text as it may be stored and shown: without NUL and other control characters (PostgreSQL refuses
 * a NUL in text; the others only disturb transcripts and logs), and with lone UTF-16 surrogates,
 * which have no UTF-8 form, replaced by U+FFFD. Tabs and line breaks stay.
 */
public final class PlainText {
  private PlainText() {}

  public static String clean(String text) {
    if (text == null) return null;
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = null;
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out != null) out.append(c).append(text.charAt(i + 1));
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) replacement = "\uFFFD";
      else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) replacement = "";
      if (replacement != null && out == null)
        out = new StringBuilder(text.length()).append(text, 0, i);
      if (out != null) out.append(replacement != null ? replacement : String.valueOf(c));
    }
    return out == null ? text : out.toString();
  }
}
