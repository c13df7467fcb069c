package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What a scripted flow knows when it ends in {@code escalate}, handed to {@link
 * Escalations#offer(String, EscalationContext)} so the ticket carries it and the person never
 * has to repeat themselves. Never put a secret here (a password, a code): it is shown to agents
 * and sent to the helpdesk.
 *
 * @param category the flow's category (front matter {@code category}); routes the ticket
 * @param priority the flow's own view of the priority, if it has one; the rules may raise it
 * @param reason why the flow escalated, in words an agent understands
 * @param flowId the flow's id
 * @param stepReached the id of the step the user reached
 * @param answers the user's non-secret answers, by question id, in the order asked
 * @param actionOutcomes what the flow's actions did, in order
 * @param requesterName the user's name when the flow learnt it (prefills the ticket form)
 * @param requesterEmail the user's email when the flow learnt it (prefills the ticket form)
 */
@Serdeable
public record EscalationContext(
    @Nullable String category,
    @Nullable Priority priority,
    @Nullable String reason,
    @Nullable String flowId,
    @Nullable String stepReached,
    Map<String, String> answers,
    List<ActionOutcome> actionOutcomes,
    @Nullable String requesterName,
    @Nullable String requesterEmail) {

  public EscalationContext {
    answers = answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
    actionOutcomes = actionOutcomes == null ? List.of() : List.copyOf(actionOutcomes);
  }

  /**
   * One action a flow ran.
   *
   * @param action what was attempted, e.g. {@code unlock-account}
   * @param outcome what happened, e.g. {@code succeeded}, {@code failed: directory unreachable}
   */
  @Serdeable
  public record ActionOutcome(String action, String outcome) {}

  /** A flow escalating with what it knows. */
  public static EscalationContext ofFlow(
      String flowId,
      String stepReached,
      @Nullable String category,
      @Nullable Priority priority,
      @Nullable String reason,
      Map<String, String> answers,
      List<ActionOutcome> actionOutcomes) {
    return new EscalationContext(
        category, priority, reason, flowId, stepReached, answers, actionOutcomes, null, null);
  }

  /** The same context with the requester's name and email, where the flow learnt them. */
  public EscalationContext withRequester(@Nullable String name, @Nullable String email) {
    return new EscalationContext(
        category, priority, reason, flowId, stepReached, answers, actionOutcomes, name, email);
  }

  static EscalationContext none() {
    return new EscalationContext(null, null, null, null, null, Map.of(), List.of(), null, null);
  }
}
