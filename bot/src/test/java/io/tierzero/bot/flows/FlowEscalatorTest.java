package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.kb.flow.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a run hands to a person: the printer flow, escalated after a few answers. */
class FlowEscalatorTest {
  private final List<FlowEscalation> handedOff = new ArrayList<>();
  private final Reply offer =
      new Reply(ReplyType.HANDOFF, "A person will take it from here.", List.of(), List.of());
  private final FlowEscalator escalator =
      new FlowEscalator(
          escalation -> {
            handedOff.add(escalation);
            return List.of(offer);
          });
  private final Flow printer = ShippedFlows.flow("printer-not-printing");

  private FlowRun answeredNoTwice() {
    var run = FlowRun.fresh(printer.id(), "queue_works");
    run.keep("display", "no");
    run.keep("queue_works", "no");
    run.tried.add("Did that page print? -> no");
    return run;
  }

  @Test
  void the_handoff_gets_the_answers_in_order_what_was_tried_and_the_flows_own_category() {
    var run = answeredNoTwice();

    var replies =
        escalator.escalate(
            "c1", printer, run, "queue_works", null, null, "The user asked for a person");

    assertEquals(List.of(offer), replies);
    assertEquals(FlowProgress.ESCALATED, run.outcome);
    var escalation = handedOff.getFirst();
    assertEquals("c1", escalation.conversationId());
    assertEquals("printer-not-printing", escalation.flowId());
    assertEquals("Printer not printing", escalation.flowTitle());
    assertEquals("queue_works", escalation.stepReached());
    assertEquals("printers", escalation.category());
    assertEquals("P4", escalation.priority());
    assertEquals("The user asked for a person", escalation.reason());
    assertEquals(Map.of("display", "no", "queue_works", "no"), escalation.context().answers());
    assertEquals(
        List.of("display", "queue_works"), List.copyOf(escalation.context().answers().keySet()));
    assertEquals(List.of("Did that page print? -> no"), escalation.context().tried());
  }

  @Test
  void an_end_may_name_its_own_category_and_priority() {
    escalator.escalate("c1", printer, answeredNoTwice(), "escalate", "hardware", "P2", null);

    assertEquals("hardware", handedOff.getFirst().category());
    assertEquals("P2", handedOff.getFirst().priority());
  }

  @Test
  void a_secret_is_never_handed_over() {
    var reset = ShippedFlows.flow("password-reset");
    var run = FlowRun.fresh(reset.id(), "set");
    run.keep("login", "alice");
    run.secrets.put("new_password", "correct horse battery");

    escalator.escalate("c1", reset, run, "set", null, null, "Action set_password failed: error");

    assertEquals(Map.of("login", "alice"), handedOff.getFirst().context().answers());
    assertFalse(handedOff.getFirst().toString().contains("correct horse"), "no secret anywhere");
  }
}
