package io.tierzero.bot.chat;

/**
 * Answers "what's happening with my ticket?": a {@code ticket_status} reply with the tickets raised
 * from this conversation, or how to find them. The tickets package implements it.
 */
@FunctionalInterface
public interface TicketStatuses {
  Reply statusReply(TurnContext context);
}
