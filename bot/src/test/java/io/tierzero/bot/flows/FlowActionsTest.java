package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.ShippedFlows.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The password reset's actions called by name, and what the run keeps of their outcome. */
class FlowActionsTest {
  private final Flow reset = ShippedFlows.flow("password-reset");
  private final FlowRun run = FlowRun.fresh(reset.id(), "set");

  /** The parameters the last call of an action was given. */
  private Map<String, String> given;

  /** An action that keeps the parameters it is given, or throws as a broken one would. */
  private FlowAction action(String name, boolean broken) {
    return new FlowAction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Outcome run(String conversationId, Map<String, String> parameters) {
        if (broken) throw new IllegalStateException("directory client not started");
        given = Map.copyOf(parameters);
        return Outcome.ok(Map.of());
      }
    };
  }

  private FlowActions actions(FlowAction... actions) {
    return new FlowActions(List.of(actions), new TriedLines(ShippedFlows.texts()));
  }

  @Test
  void an_action_gets_its_parameters_filled_in_with_the_secret_typed_this_turn() {
    run.values.put("check.user", "alice");
    run.secrets.put("new_password", "correct horse battery");

    var outcome =
        actions(action("set_password", false))
            .call("c1", step(reset, "set", Step.Action.class), run);

    assertEquals(FlowAction.Outcome.ok(Map.of()), outcome);
    assertEquals(Map.of("user", "alice", "password", "correct horse battery"), given);
  }

  @Test
  void an_unknown_or_broken_action_is_a_failed_outcome() {
    var step = step(reset, "set", Step.Action.class);

    var unknown = actions().call("c1", step, run);
    var broken = actions(action("set_password", true)).call("c1", step, run);

    assertEquals(FlowAction.Outcome.failed("unknown_action"), unknown);
    assertEquals(FlowAction.Outcome.failed("error"), broken);
  }

  @Test
  void an_outcome_is_kept_for_the_next_steps_and_for_the_person_taking_over() {
    var check = step(reset, "check", Step.Action.class);

    actions()
        .keep("c1", check, FlowAction.Outcome.failed("wrong", Map.of("attempts_left", "2")), run);

    assertEquals("failed", run.values.get("check.outcome"));
    assertEquals("wrong", run.values.get("check.reason"));
    assertEquals("2", run.values.get("check.attempts_left"));
    assertEquals(
        List.of(new FlowEscalation.ActionOutcome("check", "check_code", "failed", "wrong")),
        run.actions);
    assertEquals(List.of("Action check_code: failed (wrong)"), run.tried);
  }

  @Test
  void a_successful_outcome_has_no_detail() {
    actions()
        .keep(
            "c1",
            step(reset, "check", Step.Action.class),
            FlowAction.Outcome.ok(Map.of("user", "alice")),
            run);

    assertEquals("ok", run.values.get("check.outcome"));
    assertEquals("alice", run.values.get("check.user"));
    assertEquals(
        List.of(new FlowEscalation.ActionOutcome("check", "check_code", "ok", "")), run.actions);
    assertEquals(List.of("Action check_code: ok"), run.tried);
  }

  @Test
  void an_interrupted_action_is_kept_as_failed_with_its_outcome_unknown() {
    run.pending = "cut-off";

    var name = actions().keepInterrupted("c1", reset, run);

    assertEquals("set_password", name);
    assertNull(run.pending);
    assertEquals(
        List.of(new FlowEscalation.ActionOutcome("set", "set_password", "failed", "interrupted")),
        run.actions);
    assertEquals(List.of("Action set_password: interrupted, outcome unknown"), run.tried);
  }

  @Test
  void an_interrupted_step_that_is_no_action_any_more_is_named_by_its_id() {
    var moved = FlowRun.fresh(reset.id(), "new_password");

    assertEquals("new_password", actions().keepInterrupted("c1", reset, moved));
    assertFalse(moved.tried.isEmpty());
  }
}
