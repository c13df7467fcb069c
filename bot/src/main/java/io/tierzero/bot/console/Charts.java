package io.tierzero.bot.console;

import static io.tierzero.bot.console.Html.escape;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, drawn on the server: no script, no chart library, nothing fetched, and
 * the picture is in the page for screen readers ({@code role="img"} with a title and a
 * description) and for printing. Colours are dark enough for text contrast on white (4.5:1 and
 * more) and series differ in dash pattern too, not only in colour.
 */
final class Charts {
  static final String BLUE = "#1f4e9c";
  static final String RED = "#b3261e";
  static final String GREEN = "#1e6b34";
  static final String GREY = "#444";

  private static final int WIDTH = 640;
  private static final int LEFT = 64;
  private static final int RIGHT = 24;
  private static final int TOP = 48;
  private static final int BOTTOM = 64;

  /** One line of a time series. */
  record Series(String name, String color, List<Double> values, boolean dashed) {}

  /** One bar: a label and its value. */
  record Bar(String label, double value) {}

  private Charts() {}

  /** A time series with one point per day; {@code percent} scales the y axis 0-100%. */
  static String line(String id, String title, String yTitle, List<LocalDate> days, List<Series> series, boolean percent) {
    int height = 320;
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = height - TOP - BOTTOM;
    double max = percent ? 1 : niceMax(series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(0));
    var svg = open(id, title, WIDTH, height, describe(series, days, percent));
    // Y axis: four gridlines above zero, with labels.
    for (int i = 0; i <= 4; i++) {
      double value = max * i / 4;
      double y = TOP + plotH - plotH * i / 4.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d4da\"/>", LEFT, y, LEFT + plotW, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" fill=\"%s\">%s</text>", LEFT - 6, y + 4, GREY, percent ? Math.round(value * 100) + "%" : number(value)));
    }
    svg.append(axes(LEFT, TOP, plotW, plotH));
    // X axis: at most eight date labels, evenly spaced, first and last always shown.
    int n = days.size();
    int every = Math.max(1, (int) Math.ceil(n / 8.0));
    for (int i = 0; i < n; i++) {
      // The last day always gets a label; a regular label too close before it gives way.
      if (i != n - 1 && (i % every != 0 || n - 1 - i < every)) continue;
      double x = x(i, n, plotW);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>", x, TOP + plotH, x, TOP + plotH + 5, GREY));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"%s\">%s</text>", x, TOP + plotH + 19, GREY, days.get(i).toString().substring(5)));
    }
    svg.append(axisTitles("Day (UTC)", yTitle, LEFT + plotW / 2, height, TOP + plotH / 2));
    // Lines, with a dot per day so a single day still shows.
    int legendX = LEFT;
    for (var s : series) {
      var points = new StringBuilder();
      for (int i = 0; i < s.values().size(); i++) {
        double y = TOP + plotH - (max == 0 ? 0 : plotH * s.values().get(i) / max);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n, plotW), y));
        if (n <= 62) {
          svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s %s: %s</title></circle>", x(i, n, plotW), y, s.color(), escape(s.name()), days.get(i), percent ? Html.percent(s.values().get(i)) : number(s.values().get(i))));
        }
      }
      svg.append("<polyline fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"2.5\"")
          .append(s.dashed() ? " stroke-dasharray=\"7 4\"" : "").append(" points=\"").append(points.toString().strip()).append("\"/>");
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"36\" x2=\"%d\" y2=\"36\" stroke=\"%s\" stroke-width=\"3\"%s/>", legendX, legendX + 22, s.color(), s.dashed() ? " stroke-dasharray=\"7 4\"" : ""));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"40\" font-size=\"13\" fill=\"#1b1b1b\">%s</text>", legendX + 28, escape(s.name())));
      legendX += 40 + s.name().length() * 8;
    }
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars, largest first as given; labels are cut to fit with the full text kept as a tooltip. */
  static String bars(String id, String title, String xTitle, List<Bar> bars, String color) {
    int labelW = 230;
    int rowH = 28;
    int height = TOP + Math.max(1, bars.size()) * rowH + BOTTOM;
    int plotW = WIDTH - labelW - RIGHT - 40;
    double max = niceMax(bars.stream().mapToDouble(Bar::value).max().orElse(0));
    var description = new StringBuilder();
    bars.forEach(b -> description.append(b.label()).append(": ").append(number(b.value())).append(". "));
    var svg = open(id, title, WIDTH, height, bars.isEmpty() ? "No data in this period." : description.toString());
    int plotH = Math.max(1, bars.size()) * rowH;
    for (int i = 0; i <= 4; i++) {
      double x = labelW + plotW * i / 4.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d0d4da\"/>", x, TOP, x, TOP + plotH));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"%s\">%s</text>", x, TOP + plotH + 18, GREY, number(max * i / 4)));
    }
    svg.append(axes(labelW, TOP, plotW, plotH));
    if (bars.isEmpty()) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"%s\">No data in this period</text>", labelW + 12, TOP + 19, GREY));
    }
    for (int i = 0; i < bars.size(); i++) {
      var bar = bars.get(i);
      double w = max == 0 ? 0 : plotW * bar.value() / max;
      int y = TOP + i * rowH;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1b1b\">%s<title>%s</title></text>", labelW - 8, y + 19, escape(cut(bar.label(), 30)), escape(bar.label())));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>", labelW, y + 5, w, rowH - 10, color, escape(bar.label()), number(bar.value())));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" fill=\"#1b1b1b\">%s</text>", labelW + w + 6, y + 19, number(bar.value())));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\">%s</text>", labelW + plotW / 2, height - 14, escape(xTitle)));
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String id, String title, int width, int height, String description) {
    var svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"%s-title %s-desc\" font-family=\"system-ui,sans-serif\">", escape(id), width, height, width, height, escape(id), escape(id)));
    svg.append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>");
    svg.append("<desc id=\"").append(escape(id)).append("-desc\">").append(escape(description)).append("</desc>");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    svg.append("<text x=\"12\" y=\"20\" font-size=\"16\" font-weight=\"700\" fill=\"#1b1b1b\">").append(escape(title)).append("</text>");
    return svg;
  }

  private static String axes(int left, int top, int w, int h) {
    return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>",
        left, top, left, top + h, GREY, left, top + h, left + w, top + h, GREY);
  }

  private static String axisTitles(String xTitle, String yTitle, int xCenter, int height, int yCenter) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\">%s</text>", xCenter, height - 14, escape(xTitle))
        + String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\" transform=\"rotate(-90 16 %d)\">%s</text>", yCenter, yCenter, escape(yTitle));
  }

  private static String describe(List<Series> series, List<LocalDate> days, boolean percent) {
    if (days.isEmpty()) return "No days.";
    var out = new StringBuilder("From " + days.get(0) + " to " + days.getLast() + ". ");
    for (var s : series) {
      double total = s.values().stream().mapToDouble(Double::doubleValue).sum();
      out.append(s.name()).append(percent ? ": average " + Html.percent(total / Math.max(1, s.values().size())) : ": total " + number(total)).append(". ");
    }
    return out.toString();
  }

  private static double x(int i, int n, int plotW) {
    return LEFT + (n <= 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
  }

  /**
   * The axis maximum for counts: four gridlines at a whole, round step (1, 2, 5 times a power of
   * ten), so every tick label is a whole number.
   */
  static double niceMax(double v) {
    double rough = Math.max(1, Math.ceil(v / 4));
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * magnitude >= rough) return 4 * step * magnitude;
    }
    return 40 * magnitude;
  }

  static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
