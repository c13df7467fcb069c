package io.tierzero.bot.flows;

import io.micronaut.context.annotation.Requires;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.tickets.EscalationContext;
import io.tierzero.bot.tickets.Escalations;
import io.tierzero.bot.tickets.Priority;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;

/** Hands an escalated flow to tickets: the ticket form, with the flow's context kept for the ticket. */
@Singleton
@Requires(beans = Escalations.class)
class TicketFlowHandoff implements FlowHandoff {
  private final Escalations escalations;

  TicketFlowHandoff(Escalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public List<Reply> handOff(FlowEscalation escalation) {
    var priority = Arrays.stream(Priority.values())
        .filter(p -> p.name().equalsIgnoreCase(escalation.priority()))
        .findFirst()
        .orElse(null);
    var context = EscalationContext.ofFlow(
        escalation.flowId(),
        escalation.stepReached(),
        escalation.category(),
        priority,
        escalation.reason(),
        escalation.context().answers(),
        escalation.context().actions().stream()
            .map(a -> new EscalationContext.ActionOutcome(a.action(), a.detail().isEmpty() ? a.outcome() : a.outcome() + ": " + a.detail()))
            .toList());
    return List.of(escalations.offer(escalation.conversationId(), context));
  }
}
