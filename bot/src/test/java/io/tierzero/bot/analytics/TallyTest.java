package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.bot.analytics.Reports.Count;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  void counts_are_most_first_then_by_key_with_a_missing_key_as_none() {
    var counts = Tally.counts(Arrays.asList("b", "a", null, "b", "a", "c"), Function.identity());

    assertEquals(
        List.of(new Count("a", 2), new Count("b", 2), new Count("(none)", 1), new Count("c", 1)),
        counts);
  }

  @Test
  void examples_are_distinct_wordings_most_frequent_first_as_first_written() {
    var examples =
        Tally.examples(
            List.of("printer is jammed", "the printer is jammed", "Printer is jammed!"),
            Function.identity());

    assertEquals(List.of("printer is jammed", "the printer is jammed"), examples);
  }

  @Test
  void examples_are_at_most_five() {
    var examples =
        Tally.examples(List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7"), Function.identity());

    assertEquals(Tally.MAX_EXAMPLES, examples.size());
  }
}
