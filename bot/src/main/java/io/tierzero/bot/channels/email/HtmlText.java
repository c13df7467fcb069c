package io.tierzero.bot.channels.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML-only mail's body as plain text, enough to read a question from: block ends become line
 * breaks, tags go, entities are decoded, and quoted history in {@code <blockquote>} (Gmail, Apple
 * Mail, Thunderbird) is dropped before {@link QuotedHistory} looks for the rest. Most clients send
 * a text/plain part as well, which is read instead.
 */
final class HtmlText {
  private static final Pattern DROPPED =
      Pattern.compile("(?is)<(head|style|script|blockquote)\\b.*?</\\1\\s*>");
  private static final Pattern BREAK =
      Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern NUMERIC = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

  private HtmlText() {}

  static String toText(String html) {
    var text = DROPPED.matcher(html).replaceAll("");
    text = BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text =
        NUMERIC
            .matcher(text)
            .replaceAll(
                m -> {
                  var n = m.group(1);
                  int code =
                      n.startsWith("x")
                          ? Integer.parseInt(n.substring(1), 16)
                          : Integer.parseInt(n);
                  return Character.isValidCodePoint(code)
                      ? Matcher.quoteReplacement(Character.toString(code))
                      : "";
                });
    return text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
