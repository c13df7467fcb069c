package io.tierzero.bot.flows;

import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.SideEffects;
import io.tierzero.kb.flow.Step;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's action taken out of the turn's transaction: {@link #run()} calls it with no connection
 * held, {@link #resume()} goes on from its outcome, unless the run moved on meanwhile.
 */
final class ActionOutside implements SideEffects.SideEffect {
  private static final Logger LOG = LoggerFactory.getLogger(ActionOutside.class);

  /** How the run goes on from the action's outcome, in the next transaction. */
  interface Continuation {
    /** {@code current} is the run's state as stored now, the one the action was started from. */
    List<Reply> goOn(FlowState current, FlowAction.Outcome outcome);
  }

  private final FlowActions actions;
  private final FlowStates states;
  private final String conversationId;
  private final FlowRun run;
  private final Step.Action step;
  private final FlowState stored;
  private final Continuation then;
  private FlowAction.Outcome outcome;

  /**
   * @param stored the run's state as the turn stored it before the action, marked pending
   */
  ActionOutside(
      FlowActions actions,
      FlowStates states,
      String conversationId,
      FlowRun run,
      Step.Action step,
      FlowState stored,
      Continuation then) {
    this.actions = actions;
    this.states = states;
    this.conversationId = conversationId;
    this.run = run;
    this.step = step;
    this.stored = stored;
    this.then = then;
  }

  @Override
  public void run() {
    outcome = actions.call(conversationId, step, run);
  }

  @Override
  public List<Reply> resume() {
    var state = states.running(conversationId);
    if (state.isEmpty()
        || !run.pending.equals(states.data(state.get()).pending())
        || !state.get().updatedAt().equals(stored.updatedAt())) {
      // Taken over meanwhile (a turn after FlowEngine.PENDING_TIMEOUT handed it to a person).
      LOG.warn(
          "Flow {} in conversation {} moved on while {} ran; its outcome is dropped",
          run.flowId,
          conversationId,
          step.action());
      return List.of();
    }
    run.pending = null;
    return then.goOn(state.get(), outcome);
  }
}
