package io.tierzero.bot.flows;

import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Step;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions flow steps name ({@link FlowAction}s of every feature): calls one with its parameters
 * filled in, and keeps what came of it in the run, for the steps after it and for the person a run
 * may be handed to.
 */
@Singleton
final class FlowActions {
  private static final Logger LOG = LoggerFactory.getLogger(FlowActions.class);

  private final Map<String, FlowAction> actions;
  private final TriedLines tried;

  FlowActions(List<FlowAction> actions, TriedLines tried) {
    var byName = new HashMap<String, FlowAction>();
    actions.forEach(a -> byName.put(a.name(), a));
    this.actions = Map.copyOf(byName);
    this.tried = tried;
  }

  /**
   * Calls the step's action; meant to run with no transaction open. An unknown action or one that
   * throws is a failed outcome, so the flow can go on from it.
   */
  FlowAction.Outcome call(String conversationId, Step.Action step, FlowRun run) {
    var action = actions.get(step.action());
    if (action == null) return FlowAction.Outcome.failed("unknown_action");
    var parameters = new HashMap<String, String>();
    step.with().forEach((k, v) -> parameters.put(k, FlowTemplates.renderParameter(v, run)));
    try {
      return action.run(conversationId, parameters);
    } catch (RuntimeException e) {
      // The turn so far is committed: a failure here is the action's, and the flow says so.
      LOG.warn("Flow action {} in conversation {} failed", step.action(), conversationId, e);
      return FlowAction.Outcome.failed("error");
    }
  }

  /**
   * Keeps the outcome in the run: its data as {@code {{step.key}}} for later steps, the action's
   * result and a line of what was tried.
   */
  void keep(String conversationId, Step.Action step, FlowAction.Outcome outcome, FlowRun run) {
    run.values.put(step.id() + ".outcome", outcome.ok() ? "ok" : "failed");
    outcome.data().forEach((k, v) -> run.values.put(step.id() + "." + k, v));
    var detail = outcome.ok() ? "" : outcome.data().getOrDefault("reason", "");
    run.actions.add(
        new FlowEscalation.ActionOutcome(
            step.id(), step.action(), outcome.ok() ? "ok" : "failed", detail));
    tried.action(run, step, outcome.ok(), detail);
    LOG.info(
        "Flow action {} in conversation {}: {}",
        step.action(),
        conversationId,
        outcome.ok() ? "ok" : "failed " + detail);
  }

  /**
   * Keeps in the run that its action never reported back (the process stopped while it ran) and
   * returns the action's name: whether it took effect is unknown.
   */
  String keepInterrupted(String conversationId, Flow flow, FlowRun run) {
    // The step, unless the flow file changed meanwhile and it is no action any more.
    var action =
        flow.step(run.stepId)
            .filter(Step.Action.class::isInstance)
            .map(step -> ((Step.Action) step).action())
            .orElse(run.stepId);
    run.pending = null;
    run.actions.add(new FlowEscalation.ActionOutcome(run.stepId, action, "failed", "interrupted"));
    tried.interrupted(run, action);
    LOG.warn(
        "Flow action {} in conversation {} was interrupted before it reported back",
        action,
        conversationId);
    return action;
  }
}
