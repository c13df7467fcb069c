package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.TurnContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Once a ticket is raised the bot stops answering in that conversation: whatever the user sends,
 * the reply is the ticket's number, status and what happens next. A bot that keeps answering
 * beside a ticket splits the story between two places, and one that offers a person again loops.
 * Depends on the repository, not {@link TicketService}, which itself needs the chat.
 */
@Singleton
@Order(HandlerOrder.TICKET_RAISED)
final class TicketRaisedHandler implements Handler {
  private final TicketRepository tickets;

  TicketRaisedHandler(TicketRepository tickets) {
    this.tickets = tickets;
  }

  @Override
  public boolean canHandle(TurnContext context) {
    return tickets.existsByConversationId(context.conversationId());
  }

  @Override
  public List<Reply> handle(TurnContext context) {
    var ticket = tickets.findByConversationId(context.conversationId()).orElseThrow();
    // The widget starts over when this option is chosen: what "start a new chat" asks for.
    return List.of(Reply.text(TicketService.afterTicket(ticket), Options.NEW_CONVERSATION));
  }
}
