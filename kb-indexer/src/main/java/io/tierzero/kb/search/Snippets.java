package io.tierzero.kb.search;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Marks the words of a passage that match the question, for showing as a snippet. */
public final class Snippets {
  private Snippets() {}

  /**
   * The passage HTML-escaped, with each run of matched words in {@code <mark>}. Words match when
   * their analysed form (the same analysis the index uses) is one of {@code terms}.
   */
  public static String highlight(String text, Set<String> terms, Analyzer analyzer) {
    StringBuilder out = new StringBuilder();
    int written = 0;
    int markStart = -1;
    int markEnd = -1;
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (!terms.contains(term.toString())) continue;
        int start = offset.startOffset();
        int end = offset.endOffset();
        // Neighbouring matches separated only by spaces or punctuation share one mark.
        if (markStart >= 0 && text.substring(markEnd, start).matches("[\\s\\p{Punct}]*")) {
          markEnd = end;
          continue;
        }
        if (markStart >= 0) {
          written = appendMark(out, text, written, markStart, markEnd);
        }
        markStart = start;
        markEnd = end;
      }
      stream.end();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (markStart >= 0) written = appendMark(out, text, written, markStart, markEnd);
    escape(out, text, written, text.length());
    return out.toString();
  }

  private static int appendMark(StringBuilder out, String text, int written, int start, int end) {
    escape(out, text, written, start);
    out.append("<mark>");
    escape(out, text, start, end);
    out.append("</mark>");
    return end;
  }

  /** {@code text} escaped for HTML text and attribute values alike; null is empty. */
  public static String escape(String text) {
    if (text == null) return "";
    var out = new StringBuilder(text.length() + 16);
    escape(out, text, 0, text.length());
    return out.toString();
  }

  /** Escapes for HTML text and attribute values alike. */
  public static void escape(StringBuilder out, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
