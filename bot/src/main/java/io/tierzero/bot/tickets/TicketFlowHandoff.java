package io.tierzero.bot.tickets;

import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.bot.chat.FlowHandoff;
import io.tierzero.bot.chat.Reply;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Takes an escalated flow for a ticket: keeps what the flow knew in the conversation's escalation
 * record ({@link EscalationContext#of}) and offers the ticket form.
 */
@Singleton
class TicketFlowHandoff implements FlowHandoff {
  private final Escalations escalations;

  TicketFlowHandoff(Escalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public List<Reply> handOff(FlowEscalation escalation) {
    return List.of(
        escalations.offer(escalation.conversationId(), EscalationContext.of(escalation)));
  }
}
