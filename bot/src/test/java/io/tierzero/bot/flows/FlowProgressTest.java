package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierzero.bot.chat.FlowEscalation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What analytics learn of a password reset's turn. */
class FlowProgressTest {
  private static FlowRun resetAtTheCode() {
    var run = FlowRun.fresh("password-reset", "login");
    run.history.add("login");
    run.keep("login", "alice");
    run.actions.add(new FlowEscalation.ActionOutcome("send", "send_code", "ok", ""));
    run.history.add("code");
    run.stepId = "code";
    return run;
  }

  @Test
  void a_waiting_run_reports_the_steps_reached_and_its_answers_but_no_outcome() {
    var run = resetAtTheCode();
    run.outcome = FlowProgress.RESOLVED;

    var progress = FlowProgress.of("c1", run, false, true);

    assertEquals("password-reset", progress.flowId());
    assertEquals("code", progress.stepId());
    assertEquals(List.of("login", "code", "send"), progress.stepsReached());
    assertEquals(Map.of("login", "alice"), progress.answers());
    assertNull(progress.outcome());
  }

  @Test
  void an_ended_run_reports_how_it_ended_and_never_a_secret() {
    var run = resetAtTheCode();
    run.secrets.put("code", "123456");
    run.stepId = "verify_failed";
    run.outcome = FlowProgress.ESCALATED;

    var progress = FlowProgress.of("c1", run, false, false);

    assertEquals(FlowProgress.ESCALATED, progress.outcome());
    assertEquals(List.of("login", "code", "send", "verify_failed"), progress.stepsReached());
    assertEquals(Map.of("login", "alice"), progress.answers());
  }
}
