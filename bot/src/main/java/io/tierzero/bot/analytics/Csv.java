package io.tierzero.bot.analytics;

import java.util.List;
import java.util.Locale;

/** RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they need it. */
final class Csv {
  private final StringBuilder out = new StringBuilder();

  Csv row(Object... fields) {
    return row(List.of(fields));
  }

  Csv row(List<?> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) out.append(',');
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  static String field(Object value) {
    var s =
        value == null
            ? ""
            : value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : value.toString();
    // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it with a quote.
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) s = "'" + s;
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
