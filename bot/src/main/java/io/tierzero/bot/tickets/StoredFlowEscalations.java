package io.tierzero.bot.tickets;

import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads a flow's escalation from the conversation's escalation record, the one place it is kept.
 */
@Singleton
final class StoredFlowEscalations implements FlowEscalations {
  private final Escalations escalations;

  StoredFlowEscalations(Escalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public Optional<Recorded> latest(String conversationId) {
    return escalations
        .find(conversationId)
        .filter(e -> e.offeredAt() != null)
        .flatMap(
            e ->
                escalations
                    .context(e)
                    .filter(c -> c.flowId() != null)
                    // The context is written with an offer, so the offer's time is never before the
                    // flow escalated: the ticket's trigger is the last offer's, as it always was.
                    .map(c -> new Recorded(c, c.tried(), e.offeredAt())));
  }
}
