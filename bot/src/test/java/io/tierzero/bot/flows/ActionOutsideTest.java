package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.ShippedFlows.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.ChatService;
import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.chat.Reply;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Step;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The password reset's {@code send_code} taken out of the turn: called with the run's answers, then
 * gone on from in the next transaction, unless the stored run moved on meanwhile.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionOutsideTest implements TestPropertyProvider {
  @Inject FlowStates states;
  @Inject ChatService chat;

  private final Flow reset = ShippedFlows.flow("password-reset");
  private final Step.Action send = step(reset, "send", Step.Action.class);
  private final List<Map<String, String>> calls = new ArrayList<>();
  private final List<FlowAction.Outcome> wentOnFrom = new ArrayList<>();

  @Override
  public Map<String, String> getProperties() {
    return FlowChat.properties();
  }

  @BeforeEach
  void nothingCalledYet() {
    calls.clear();
    wentOnFrom.clear();
  }

  private final FlowAction sendCode =
      new FlowAction() {
        @Override
        public String name() {
          return "send_code";
        }

        @Override
        public Outcome run(String conversationId, Map<String, String> parameters) {
          calls.add(Map.copyOf(parameters));
          return Outcome.ok(Map.of());
        }
      };

  /** A run stopped at {@code send}, marked pending and stored, as the turn leaves it. */
  private record Stored(String conversationId, FlowRun run, FlowState state) {}

  private Stored storedAtSend() {
    var id = chat.start().id();
    var run = FlowRun.fresh(reset.id(), "send");
    run.keep("login", "alice");
    run.pending = "p1";
    return new Stored(id, run, states.save(id, run, true, null));
  }

  private ActionOutside outside(Stored stored) {
    var actions = new FlowActions(List.of(sendCode), new TriedLines(ShippedFlows.texts()));
    return new ActionOutside(
        actions,
        states,
        stored.conversationId(),
        stored.run(),
        send,
        stored.state(),
        (current, outcome) -> {
          wentOnFrom.add(outcome);
          return List.of(Reply.text("Type the code from the email."));
        });
  }

  @Test
  void the_action_is_called_with_the_runs_answers_and_the_run_goes_on_from_its_outcome() {
    var stored = storedAtSend();
    var outside = outside(stored);

    outside.run();
    var replies = outside.resume();

    assertEquals(List.of(Map.of("login", "alice", "purpose", "password_reset")), calls);
    assertEquals(List.of(FlowAction.Outcome.ok(Map.of())), wentOnFrom);
    assertEquals(List.of(Reply.text("Type the code from the email.")), replies);
    assertNull(stored.run().pending, "the run is no longer waiting for its action");
  }

  @Test
  void an_outcome_is_dropped_when_the_run_was_handed_over_meanwhile() {
    var stored = storedAtSend();
    var outside = outside(stored);
    outside.run();
    // A later turn found the action too old and ended the run.
    states.save(stored.conversationId(), FlowRun.fresh(reset.id(), "send"), false, stored.state());

    var replies = outside.resume();

    assertEquals(List.of(), replies);
    assertTrue(wentOnFrom.isEmpty(), "nothing goes on from the dropped outcome");
  }

  @Test
  void an_outcome_is_dropped_when_another_run_of_the_action_was_stored_meanwhile()
      throws Exception {
    var stored = storedAtSend();
    var outside = outside(stored);
    outside.run();
    var other = FlowRun.fresh(reset.id(), "send");
    other.pending = "p2";
    Thread.sleep(5);
    states.save(stored.conversationId(), other, true, stored.state());

    assertEquals(List.of(), outside.resume());
    assertTrue(wentOnFrom.isEmpty(), "only the turn that started the action goes on from it");
  }
}
