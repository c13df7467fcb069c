package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where tickets read what a flow stored when it ended in {@code escalate} ({@link
 * FlowEscalationReader} reads the flows' {@code flow_escalation} table). A flow may instead hand
 * its context to {@link Escalations#offer(String, EscalationContext)}; a stored record wins.
 */
public interface FlowEscalations {
  /** The conversation's latest flow escalation; empty when no flow escalated. */
  Optional<Recorded> latest(String conversationId);

  /**
   * @param tried what the user was asked to do and did, as lines for a person to read
   * @param at when the flow escalated
   */
  record Recorded(EscalationContext context, List<String> tried, Instant at) {}

  /** Without flows: none. */
  @Singleton
  @Secondary
  final class None implements FlowEscalations {
    @Override
    public Optional<Recorded> latest(String conversationId) {
      return Optional.empty();
    }
  }
}
