package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tierzero.bot.chat.FlowEscalation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scripted flow knows when it ends in {@code escalate}, handed to {@link
 * Escalations#offer(String, EscalationContext)} so the ticket carries it and the person never has
 * to repeat themselves. Stored as JSON in the conversation's one escalation record ({@code
 * escalation.context}). Never put a secret here (a password, a code): it is shown to agents and
 * sent to the helpdesk.
 *
 * @param category the flow's category (front matter {@code category}); routes the ticket
 * @param priority the flow's own view of the priority, if it has one; the rules may raise it
 * @param reason why the flow escalated, in words an agent understands
 * @param flowId the flow's id
 * @param stepReached the id of the step the user reached
 * @param answers the user's non-secret answers, by question id, in the order asked
 * @param actionOutcomes what the flow's actions did, in order
 * @param tried what the user was asked to do and did, as lines for a person to read
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
    List<String> tried,
    @Nullable String requesterName,
    @Nullable String requesterEmail) {

  public EscalationContext {
    answers =
        answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    actionOutcomes = actionOutcomes == null ? List.of() : List.copyOf(actionOutcomes);
    // Contexts stored before a flow's tried lines were kept here have none.
    tried = tried == null ? List.of() : List.copyOf(tried);
  }

  /**
   * One action a flow ran.
   *
   * @param action what was attempted, e.g. {@code unlock-account}; from a flow, with the step that
   *     ran it ({@code unlock: unlock_account})
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
        category,
        priority,
        reason,
        flowId,
        stepReached,
        answers,
        actionOutcomes,
        List.of(),
        null,
        null);
  }

  /**
   * What a flow handed over, as tickets keep it: the one place a flow's escalation is read, so the
   * ticket, the agent and the helpdesk see the same action lines and the same priority. An action
   * reads {@code step: action}, its outcome {@code ok} or {@code failed: reason}; the priority is
   * read leniently ({@code P3}, {@code p3}, {@code 3}) and an unreadable one is none, leaving the
   * decision to {@link PriorityRules}.
   */
  public static EscalationContext of(FlowEscalation escalation) {
    var flow = escalation.context();
    var outcomes =
        flow.actions().stream()
            .map(
                a ->
                    new ActionOutcome(
                        a.step() + ": " + a.action(),
                        a.detail().isBlank() ? a.outcome() : a.outcome() + ": " + a.detail()))
            .toList();
    return new EscalationContext(
        escalation.category(),
        TicketService.priority(escalation.priority()),
        escalation.reason(),
        escalation.flowId(),
        escalation.stepReached(),
        flow.answers(),
        outcomes,
        flow.tried(),
        null,
        null);
  }

  /** The same context with the requester's name and email, where the flow learnt them. */
  public EscalationContext withRequester(@Nullable String name, @Nullable String email) {
    return new EscalationContext(
        category,
        priority,
        reason,
        flowId,
        stepReached,
        answers,
        actionOutcomes,
        tried,
        name,
        email);
  }

  static EscalationContext none() {
    return new EscalationContext(
        null, null, null, null, null, Map.of(), List.of(), List.of(), null, null);
  }
}
