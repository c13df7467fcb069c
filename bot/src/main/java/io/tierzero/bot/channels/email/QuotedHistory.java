package io.tierzero.bot.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the user wrote this time, without the history a mail client adds below (or above) it: the
 * earlier messages of the thread are already in the conversation, and the bot's own words read back
 * as a question would answer themselves. Cut at the first line that starts the history, or at the
 * signature; quoted lines ({@code >}) are dropped wherever they are.
 *
 * <p>The markers are the ones the common clients write: Gmail and Apple Mail's "On ... wrote:"
 * (sometimes wrapped over two lines), Outlook's "-----Original Message-----" and its "From:" /
 * "Sent:" header block, and the {@code "-- "} signature separator of RFC 3676.
 */
final class QuotedHistory {
  /** "On Tue, 1 Dec 2026 at 10:00, Alice <alice@example.com> wrote:", one line or two. */
  private static final Pattern WROTE = Pattern.compile("(?is)^\\s*on\\b.{0,300}\\bwrote:\\s*$");

  private static final Pattern ORIGINAL =
      Pattern.compile("(?i)^\\s*-{2,}\\s*(original message|forwarded message)\\s*-{2,}\\s*$");

  /** Outlook's reply header: "From: ..." followed within a few lines by "Sent:" or "Date:". */
  private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?from:\\*?\\s.*");

  private static final Pattern HEADER_NEXT =
      Pattern.compile("(?i)^\\s*\\*?(sent|date|to|subject):\\*?\\s.*");

  /** Outlook's plain-text underline above its header block. */
  private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");

  private QuotedHistory() {}

  static String strip(String text) {
    var lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    var kept = new ArrayList<String>();
    for (int i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (line.equals("-- ") || line.equals("--")) break;
      if (ORIGINAL.matcher(line).matches() || UNDERSCORES.matcher(line).matches()) break;
      if (WROTE.matcher(line).matches()) break;
      if (i + 1 < lines.length
          && WROTE.matcher(line + " " + lines[i + 1]).matches()
          && line.strip().toLowerCase().startsWith("on ")) break;
      if (HEADER_FROM.matcher(line).matches() && headerBlockFollows(lines, i + 1)) break;
      if (line.stripLeading().startsWith(">")) continue;
      kept.add(line);
    }
    return trim(kept);
  }

  private static boolean headerBlockFollows(String[] lines, int from) {
    for (int i = from; i < Math.min(lines.length, from + 4); i++) {
      if (HEADER_NEXT.matcher(lines[i]).matches()) return true;
    }
    return false;
  }

  private static String trim(List<String> lines) {
    int start = 0;
    int end = lines.size();
    while (start < end && lines.get(start).isBlank()) start++;
    while (end > start && lines.get(end - 1).isBlank()) end--;
    var out = new StringBuilder();
    for (int i = start; i < end; i++) {
      if (!out.isEmpty()) out.append('\n');
      out.append(lines.get(i).stripTrailing());
    }
    return out.toString();
  }
}
