package io.tierzero.bot.flows;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.chat.FlowEscalation;
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
}
