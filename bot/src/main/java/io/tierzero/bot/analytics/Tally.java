package io.tierzero.bot.analytics;

import io.tierzero.bot.analytics.Reports.Count;
import io.tierzero.bot.chat.Texts;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** The counting the reports share: counts by key, distinct values, example wordings. */
final class Tally {
  /** Examples shown per gap or burst: enough to see the variety, few enough to read. */
  static final int MAX_EXAMPLES = 5;

  private Tally() {}

  /** Counts by key, most first, then by key. */
  static <T> List<Count> counts(List<T> items, Function<T, String> key) {
    var counted = new TreeMap<String, Long>();
    items.forEach(
        i -> counted.merge(Objects.requireNonNullElse(key.apply(i), "(none)"), 1L, Long::sum));
    return counted.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }

  static <T> long distinct(List<T> items, Function<T, String> key) {
    return items.stream().map(key).distinct().count();
  }

  /**
   * The distinct wordings of {@code items}, most frequent first, at most {@value #MAX_EXAMPLES};
   * wordings that differ only in case or punctuation are one, shown as first written.
   */
  static <T> List<String> examples(List<T> items, Function<T, String> text) {
    var counted = new LinkedHashMap<String, Long>();
    var shown = new HashMap<String, String>();
    for (var item : items) {
      var wording = text.apply(item).strip();
      var key = Texts.normalize(wording);
      counted.merge(key, 1L, Long::sum);
      shown.putIfAbsent(key, wording);
    }
    return counted.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(MAX_EXAMPLES)
        .map(e -> shown.get(e.getKey()))
        .toList();
  }
}
