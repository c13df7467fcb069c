package io.tierzero.bot.console;

import io.tierzero.bot.pages.Format;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, drawn on the server: no script, no chart library, nothing fetched, and the
 * picture is in the page for screen readers ({@code role="img"} with a title and a description) and
 * for printing. Colours are dark enough for text contrast on white (4.5:1 and more) and series
 * differ in dash pattern too, not only in colour. This class only places the shapes; the {@code
 * console/chart} template writes them as SVG, escaping every label.
 */
public final class Charts {
  static final String BLUE = "#1f4e9c";
  static final String RED = "#b3261e";
  static final String GREEN = "#1e6b34";
  static final String GREY = "#444";
  private static final String INK = "#1b1b1b";
  private static final String GRID = "#d0d4da";
  private static final String DASH = "7 4";

  private static final int WIDTH = 640;
  private static final int LEFT = 64;
  private static final int RIGHT = 24;
  private static final int TOP = 48;
  private static final int BOTTOM = 64;

  /** One line of a time series. */
  record Series(String name, String color, List<Double> values, boolean dashed) {}

  /** One bar: a label and its value. */
  record Bar(String label, double value) {}

  /** A chart ready to draw: its size, its accessible title and description, and its shapes. */
  public record Chart(
      String id, int width, int height, String title, String description, List<Shape> shapes) {}

  /** What a chart is drawn with; coordinates are already formatted for the SVG. */
  public sealed interface Shape permits Line, Text, Dot, Polyline, Box {}

  /** A straight line; {@code width} and {@code dash} are null for a hairline without dashes. */
  public record Line(
      String x1, String y1, String x2, String y2, String stroke, String width, String dash)
      implements Shape {}

  /** A label; null attributes are left out. {@code tooltip} is the full text of a cut label. */
  public record Text(
      String x,
      String y,
      String anchor,
      int size,
      String fill,
      String weight,
      String transform,
      String text,
      String tooltip)
      implements Shape {}

  /** A point of a line chart with its value as a tooltip. */
  public record Dot(String cx, String cy, String fill, String tooltip) implements Shape {}

  /** A series' line. */
  public record Polyline(String points, String stroke, String dash) implements Shape {}

  /** A bar, or the chart's white background when {@code width} is "100%". */
  public record Box(String x, String y, String width, String height, String fill, String tooltip)
      implements Shape {}

  private Charts() {}

  /** A time series with one point per day; {@code percent} scales the y axis 0-100%. */
  static Chart line(
      String id,
      String title,
      String yTitle,
      List<LocalDate> days,
      List<Series> series,
      boolean percent) {
    int height = 320;
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = height - TOP - BOTTOM;
    double max =
        percent
            ? 1
            : niceMax(
                series.stream()
                    .flatMap(s -> s.values().stream())
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(0));
    var shapes = open(title);
    // Y axis: four gridlines above zero, with labels.
    for (int i = 0; i <= 4; i++) {
      double value = max * i / 4;
      double y = TOP + plotH - plotH * i / 4.0;
      shapes.add(
          new Line(
              String.valueOf(LEFT), f(y), String.valueOf(LEFT + plotW), f(y), GRID, null, null));
      shapes.add(
          text(
              LEFT - 6,
              f(y + 4),
              "end",
              12,
              GREY,
              percent ? Math.round(value * 100) + "%" : number(value)));
    }
    axes(shapes, LEFT, TOP, plotW, plotH);
    // X axis: at most eight date labels, evenly spaced, first and last always shown.
    int n = days.size();
    int every = Math.max(1, (int) Math.ceil(n / 8.0));
    for (int i = 0; i < n; i++) {
      // The last day always gets a label; a regular label too close before it gives way.
      if (i != n - 1 && (i % every != 0 || n - 1 - i < every)) continue;
      double x = x(i, n, plotW);
      shapes.add(
          new Line(
              f(x),
              String.valueOf(TOP + plotH),
              f(x),
              String.valueOf(TOP + plotH + 5),
              GREY,
              null,
              null));
      shapes.add(
          new Text(
              f(x),
              String.valueOf(TOP + plotH + 19),
              "middle",
              12,
              GREY,
              null,
              null,
              days.get(i).toString().substring(5),
              null));
    }
    shapes.add(text(LEFT + plotW / 2, String.valueOf(height - 14), "middle", 13, INK, "Day (UTC)"));
    int yCenter = TOP + plotH / 2;
    shapes.add(
        new Text(
            "16",
            String.valueOf(yCenter),
            "middle",
            13,
            INK,
            null,
            "rotate(-90 16 " + yCenter + ")",
            yTitle,
            null));
    // Lines, with a dot per day so a single day still shows.
    int legendX = LEFT;
    for (var s : series) {
      var points = new StringBuilder();
      for (int i = 0; i < s.values().size(); i++) {
        double y = TOP + plotH - (max == 0 ? 0 : plotH * s.values().get(i) / max);
        points.append(f(x(i, n, plotW))).append(',').append(f(y)).append(' ');
        if (n <= 62) {
          var value = percent ? Format.percent(s.values().get(i)) : number(s.values().get(i));
          shapes.add(
              new Dot(
                  f(x(i, n, plotW)), f(y), s.color(), s.name() + " " + days.get(i) + ": " + value));
        }
      }
      var dash = s.dashed() ? DASH : null;
      shapes.add(new Polyline(points.toString().strip(), s.color(), dash));
      shapes.add(
          new Line(
              String.valueOf(legendX),
              "36",
              String.valueOf(legendX + 22),
              "36",
              s.color(),
              "3",
              dash));
      shapes.add(text(legendX + 28, "40", null, 13, INK, s.name()));
      legendX += 40 + s.name().length() * 8;
    }
    return new Chart(id, WIDTH, height, title, describe(series, days, percent), shapes);
  }

  /**
   * Horizontal bars, largest first as given; labels are cut to fit with the full text kept as a
   * tooltip.
   */
  static Chart bars(String id, String title, String xTitle, List<Bar> bars, String color) {
    int labelW = 230;
    int rowH = 28;
    int height = TOP + Math.max(1, bars.size()) * rowH + BOTTOM;
    int plotW = WIDTH - labelW - RIGHT - 40;
    double max = niceMax(bars.stream().mapToDouble(Bar::value).max().orElse(0));
    var description = new StringBuilder();
    bars.forEach(
        b -> description.append(b.label()).append(": ").append(number(b.value())).append(". "));
    var shapes = open(title);
    int plotH = Math.max(1, bars.size()) * rowH;
    for (int i = 0; i <= 4; i++) {
      double x = labelW + plotW * i / 4.0;
      shapes.add(
          new Line(f(x), String.valueOf(TOP), f(x), String.valueOf(TOP + plotH), GRID, null, null));
      shapes.add(
          new Text(
              f(x),
              String.valueOf(TOP + plotH + 18),
              "middle",
              12,
              GREY,
              null,
              null,
              number(max * i / 4),
              null));
    }
    axes(shapes, labelW, TOP, plotW, plotH);
    if (bars.isEmpty()) {
      shapes.add(
          text(labelW + 12, String.valueOf(TOP + 19), null, 14, GREY, "No data in this period"));
    }
    for (int i = 0; i < bars.size(); i++) {
      var bar = bars.get(i);
      double w = max == 0 ? 0 : plotW * bar.value() / max;
      int y = TOP + i * rowH;
      shapes.add(
          new Text(
              String.valueOf(labelW - 8),
              String.valueOf(y + 19),
              "end",
              13,
              INK,
              null,
              null,
              cut(bar.label(), 30),
              bar.label()));
      shapes.add(
          new Box(
              String.valueOf(labelW),
              String.valueOf(y + 5),
              f(w),
              String.valueOf(rowH - 10),
              color,
              bar.label() + ": " + number(bar.value())));
      shapes.add(
          new Text(
              f(labelW + w + 6),
              String.valueOf(y + 19),
              null,
              13,
              INK,
              null,
              null,
              number(bar.value()),
              null));
    }
    shapes.add(text(labelW + plotW / 2, String.valueOf(height - 14), "middle", 13, INK, xTitle));
    return new Chart(
        id,
        WIDTH,
        height,
        title,
        bars.isEmpty() ? "No data in this period." : description.toString(),
        shapes);
  }

  /** The white background and the visible title every chart starts with. */
  private static List<Shape> open(String title) {
    var shapes = new ArrayList<Shape>();
    shapes.add(new Box(null, null, "100%", "100%", "#fff", null));
    shapes.add(new Text("12", "20", null, 16, INK, "700", null, title, null));
    return shapes;
  }

  private static void axes(List<Shape> shapes, int left, int top, int w, int h) {
    shapes.add(
        new Line(
            String.valueOf(left),
            String.valueOf(top),
            String.valueOf(left),
            String.valueOf(top + h),
            GREY,
            null,
            null));
    shapes.add(
        new Line(
            String.valueOf(left),
            String.valueOf(top + h),
            String.valueOf(left + w),
            String.valueOf(top + h),
            GREY,
            null,
            null));
  }

  private static Text text(int x, String y, String anchor, int size, String fill, String text) {
    return new Text(String.valueOf(x), y, anchor, size, fill, null, null, text, null);
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String describe(List<Series> series, List<LocalDate> days, boolean percent) {
    if (days.isEmpty()) return "No days.";
    var out = new StringBuilder("From " + days.get(0) + " to " + days.getLast() + ". ");
    for (var s : series) {
      double total = s.values().stream().mapToDouble(Double::doubleValue).sum();
      out.append(s.name())
          .append(
              percent
                  ? ": average " + Format.percent(total / Math.max(1, s.values().size()))
                  : ": total " + number(total))
          .append(". ");
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
