package io.tierzero.bot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PriorityRulesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "I think this is a phishing email       | P1",
        "my account was compromised             | P1",
        "my work phone was stolen               | P1",
        "nobody in the office can print         | P2",
        "the wifi is down for everyone          | P2",
        "I can't log in and have a deadline     | P3",
        "this is blocking me, I can't work      | P3",
        "how do I change my wallpaper           | P4",
      })
  void the_most_urgent_matching_rule_decides(String text, Priority expected) {
    assertEquals(expected, PriorityRules.decide(List.of(text), null, null).priority(), text);
  }

  @Test
  void security_beats_scale_beats_being_blocked() {
    var decision = PriorityRules.decide(List.of("everyone got a phishing email and I can't work"), null, null);
    assertEquals(Priority.P1, decision.priority());
    assertTrue(decision.reason().contains("phishing"), decision.reason());
  }

  @Test
  void a_flow_can_raise_the_priority_but_never_lower_it() {
    var raised = PriorityRules.decide(List.of("my printer is slow"), Priority.P2, "Printer queue stuck for the floor");
    assertEquals(Priority.P2, raised.priority());
    assertTrue(raised.reason().contains("Printer queue stuck"), raised.reason());

    assertEquals(Priority.P1, PriorityRules.decide(List.of("I clicked a phishing link"), Priority.P4, null).priority());
  }
}
