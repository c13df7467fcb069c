package io.tierzero.bot.flows;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.chat.FlowEscalation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published after every turn of a guided fix, for analytics (starts, how far runs get, how they
 * end). Carries nothing secret: answers to secret and code questions are never among {@code
 * answers}.
 *
 * @param started true on the turn that started the run
 * @param stepId the step the run is on (the question it waits on, or the step it ended at)
 * @param stepsReached the questions asked and actions run so far, in order
 * @param outcome {@code resolved}, {@code escalated} or {@code cancelled} when the run ended this
 *     turn; null while it waits for an answer
 * @param actions what each action did so far
 * @param answers the non-secret answers so far, by question id
 */
public record FlowProgress(
    String conversationId,
    String flowId,
    boolean started,
    String stepId,
    List<String> stepsReached,
    @Nullable String outcome,
    List<FlowEscalation.ActionOutcome> actions,
    Map<String, String> answers) {
  public static final String RESOLVED = "resolved";
  public static final String ESCALATED = "escalated";
  public static final String CANCELLED = "cancelled";

  /**
   * How far {@code run} got after this turn: the questions asked, then the actions run and the step
   * it is on; {@code open} when it waits for an answer, so no outcome yet.
   */
  static FlowProgress of(String conversationId, FlowRun run, boolean started, boolean open) {
    var reached = new ArrayList<String>(run.history);
    run.actions.forEach(
        a -> {
          if (!reached.contains(a.step())) reached.add(a.step());
        });
    if (!reached.contains(run.stepId)) reached.add(run.stepId);
    var answers = new LinkedHashMap<String, String>();
    run.answered.forEach(
        id -> {
          if (run.values.containsKey(id)) answers.put(id, run.values.get(id));
        });
    return new FlowProgress(
        conversationId,
        run.flowId,
        started,
        run.stepId,
        reached,
        open ? null : run.outcome,
        List.copyOf(run.actions),
        answers);
  }
}
