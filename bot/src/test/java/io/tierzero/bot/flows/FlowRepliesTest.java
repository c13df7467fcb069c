package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.ShippedFlows.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.kb.flow.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replies the steps of the shipped flows make. */
class FlowRepliesTest {
  private final FlowReplies replies = new FlowReplies(ShippedFlows.texts());

  @Test
  void a_yes_no_question_offers_yes_and_no() {
    var printer = ShippedFlows.flow("printer-not-printing");
    var run = FlowRun.fresh(printer.id(), "display");

    var question = replies.question(step(printer, "display", Step.Ask.class), run);

    assertEquals(ReplyType.FLOW_STEP, question.type());
    assertEquals(
        "Let's get it printing. Does the printer's display show an error, such as a paper jam or"
            + " low toner?",
        question.text());
    assertEquals(List.of("Yes", "No"), question.options());
    assertEquals(new ReplyInput("yes_no"), question.input());
  }

  @Test
  void a_secret_question_offers_nothing_and_asks_for_a_secret() {
    var reset = ShippedFlows.flow("password-reset");
    var run = FlowRun.fresh(reset.id(), "new_password");

    var question = replies.question(step(reset, "new_password", Step.Ask.class), run);

    assertEquals(List.of(), question.options());
    assertEquals(new ReplyInput(ReplyInput.SECRET), question.input());
  }

  @Test
  void a_resolved_end_says_its_own_words_or_that_it_is_fixed_and_offers_that_it_worked() {
    var printer = ShippedFlows.flow("printer-not-printing");
    var run = FlowRun.fresh(printer.id(), "resolved");
    var end = step(printer, "resolved", Step.End.class);

    var own = replies.resolved(end, run);
    var plain =
        replies.resolved(
            new Step.End("fixed", Step.Outcome.RESOLVED, null, null, null, null, 1), run);

    assertEquals(
        "Printing again. If it keeps happening on this printer, tell us its name so we can look at"
            + " it.",
        own.text());
    assertEquals("That's fixed.", plain.text());
    assertEquals(List.of(Options.THAT_WORKED), plain.options());
  }

  @Test
  void only_flow_steps_are_tagged_with_their_flow() {
    var tagged =
        FlowReplies.tagged(
            List.of(FlowReplies.say("Restart the printer."), Reply.text("Anything else?")),
            "printer-not-printing");

    assertEquals("printer-not-printing", tagged.get(0).flow());
    assertNull(tagged.get(1).flow());
  }
}
