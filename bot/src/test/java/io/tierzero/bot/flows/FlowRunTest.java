package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.bot.chat.FlowEscalation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A printer flow run as the user answers, goes back and starts over. */
class FlowRunTest {
  /** Asked "display" and "queue_works", answered "no" to the first: waiting on the second. */
  private static FlowRun atQueueWorks() {
    var run = FlowRun.fresh("printer-not-printing", "display");
    run.history.add("display");
    run.asked.put("display", 1);
    run.keep("display", "no");
    run.history.add("queue_works");
    run.asked.put("queue_works", 1);
    run.stepId = "queue_works";
    return run;
  }

  @Test
  void an_answer_given_again_moves_to_the_end_of_the_answers() {
    var run = atQueueWorks();
    run.keep("queue_works", "no");
    run.keep("display", "yes");

    assertEquals(List.of("queue_works", "display"), run.answered);
    assertEquals("yes", run.values.get("display"));
  }

  @Test
  void back_forgets_the_previous_answer_and_does_not_count_it_as_an_attempt() {
    var run = atQueueWorks();

    assertEquals(Optional.of("display"), run.back());
    assertEquals(List.of(), run.history);
    assertTrue(run.answered.isEmpty());
    assertEquals(Map.of("display", 0, "queue_works", 1), run.asked);
  }

  @Test
  void back_at_the_first_question_stays_there() {
    var run = FlowRun.fresh("printer-not-printing", "display");
    run.history.add("display");
    run.asked.put("display", 2);

    assertEquals(Optional.empty(), run.back());
    assertEquals(List.of(), run.history);
    assertEquals(1, run.askedCount("display"));
  }

  @Test
  void a_restart_forgets_everything_learnt() {
    var run = atQueueWorks();
    run.actions.add(new FlowEscalation.ActionOutcome("send", "send_code", "ok", ""));
    run.tried.add("Did that page print? -> no");

    run.restart("display");

    assertEquals("display", run.stepId);
    assertEquals(
        new FlowRun.Data(Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), null),
        run.data());
  }
}
