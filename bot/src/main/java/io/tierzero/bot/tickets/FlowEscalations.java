package io.tierzero.bot.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a flow handed over when it ended in {@code escalate}, as the ticket reads it: the flow part
 * of the conversation's escalation record ({@link StoredFlowEscalations}).
 */
public interface FlowEscalations {
  /** The conversation's latest flow escalation; empty when no flow escalated. */
  Optional<Recorded> latest(String conversationId);

  /**
   * @param tried what the user was asked to do and did, as lines for a person to read
   * @param at when a person was last offered in the conversation: the flow's own offer, or a later
   *     one that kept the flow's context
   */
  record Recorded(EscalationContext context, List<String> tried, Instant at) {}
}
