package io.tierzero.bot.flows;

import io.tierzero.bot.chat.Reply;
import java.util.List;

/**
 * Passes a conversation whose flow ended in {@code escalate} to a person. The escalation is
 * already stored in {@code flow_escalation} when this is called; the handoff decides what the
 * user is offered (a ticket form, or where to go).
 */
public interface FlowHandoff {
  /** The handoff replies for {@code escalation}, shown after the flow's closing words. */
  List<Reply> handOff(FlowEscalation escalation);
}
