package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The flows' texts as the bundle gives them, with their arguments filled in. */
class FlowTextsTest {
  private final FlowTexts texts = ShippedFlows.texts();

  @Test
  void a_step_named_in_a_reason_is_quoted_with_single_quotes() {
    assertEquals(
        "No way on from 'ask_error' for the answer given",
        texts.get("flows.reason.no-way-on", "ask_error"));
    assertEquals(
        "The guided fix names an unknown step 'reboot'",
        texts.get("flows.reason.unknown-step", "reboot"));
  }

  @Test
  void numbers_are_filled_in_as_given() {
    assertEquals(
        "The guided fix ran 50 steps without asking anything",
        texts.get("flows.reason.looping", String.valueOf(FlowEngine.MAX_STEPS_PER_TURN)));
  }
}
