package io.tierzero.kb.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.parse.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and checking the priority table: every problem with its file and line. */
class PriorityTableTest {
  private static final Path FILE = Path.of("articles/priorities.yaml");
  private static final Path SHIPPED = Path.of("../articles/priorities.yaml");

  @Test
  void the_shipped_table_has_no_problems() {
    var result = PriorityTable.parse(SHIPPED);
    assertEquals(List.of(), result.problems());
    assertEquals(
        List.of("P1", "P2", "P3", "P4"),
        result.table().orElseThrow().rows().stream().map(PriorityTable.Row::priority).toList());
  }

  @Test
  void each_mistake_is_reported_on_its_line() {
    var text =
        String.join(
            "\n",
            "negation:",
            "  words: [not, no]",
            "  window: 40",
            "priorities:",
            "  - priority: P1",
            "    when: Security",
            "    cues: [hacked, hacking, 'no not']",
            "  - priority: P9X",
            "    when: Bad",
            "  - priority: P3",
            "    when: Blocked",
            "    colour: red",
            "  - priority: P2",
            "    when: Many",
            "    cues: [everyone]",
            "  - priority: P4",
            "    when: Else",
            "    cues: [anything]",
            "");

    var result = PriorityTable.parse(FILE, text);

    assertTrue(result.table().isEmpty());
    assertEquals(
        List.of(
            "articles/priorities.yaml:3: negation.window must be a whole number from 1 to 10",
            "articles/priorities.yaml:7: cue 'hacking' is the same as the cue on line 7",
            "articles/priorities.yaml:7: cue 'no not' is only negation words",
            "articles/priorities.yaml:8: priority must be P1, P2, ...: got 'P9X'",
            "articles/priorities.yaml:10: P3 needs cues: only the last row is the default",
            "articles/priorities.yaml:12: unknown key 'colour' (allowed: cues, priority, when)",
            "articles/priorities.yaml:13: priority P2 comes after a less urgent one: list the most"
                + " urgent first",
            "articles/priorities.yaml:16: the last row is the default and takes no cues"),
        result.problems().stream()
            .sorted(java.util.Comparator.comparingInt(Problem::line))
            .map(Problem::toString)
            .toList());
  }

  @Test
  void broken_yaml_names_its_line() {
    var result = PriorityTable.parse(FILE, "priorities:\n  - priority: P1\n    cues: [a, b\n");
    assertEquals(1, result.problems().size());
    assertTrue(
        result.problems().get(0).toString().startsWith("articles/priorities.yaml:"),
        result.problems().toString());
    assertTrue(result.problems().get(0).line() > 0);
  }

  @Test
  void a_cue_takes_any_inflection_one_word_between_and_one_typo_in_a_long_word() {
    var table =
        PriorityTable.parse(
                FILE,
                "negation: {words: [not, nobody], window: 3}\npriorities:\n"
                    + "  - {priority: P1, when: Risk, cues: [hacked, lost laptop, phishing]}\n"
                    + "  - {priority: P2, when: Many, cues: [nobody can]}\n"
                    + "  - {priority: P4, when: Else}\n")
            .table()
            .orElseThrow();
    assertEquals("P1", table.decide("they are hacking me").priority());
    assertEquals("lost my laptop", table.decide("I lost my laptop").matched().orElseThrow());
    assertEquals(
        "P4",
        table.decide("I lost not my laptop").priority(),
        "a negation is never the word between");
    assertEquals("P1", table.decide("a phising mail").priority());
    assertEquals("P4", table.decide("a fishing trip").priority(), "the first letter must be right");
    assertEquals(
        "P2", table.decide("nobody can print").priority(), "a cue may start with a negation");
    assertEquals("P4", table.decide("nobody hacked me").priority());
  }
}
