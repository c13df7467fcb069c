package io.tierzero.bot.chat;

import java.util.List;

/**
 * Passes a conversation whose flow ended in {@code escalate} to a person: the flow says what
 * happened, the implementation keeps it for the person and decides what the user is offered (a
 * ticket form, or where to go). Here rather than in flows so that flows and tickets, which
 * implements it, never import each other.
 */
public interface FlowHandoff {
  /** The handoff replies for {@code escalation}, shown after the flow's closing words. */
  List<Reply> handOff(FlowEscalation escalation);
}
