package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.ChatConfiguration;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.TurnContext;
import io.tierzero.bot.kb.TurnDecisions;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Once a ticket is raised the bot stops answering in that conversation: whatever the user sends,
 * the reply is the ticket's number, status and what happens next (a {@code ticket_status} reply
 * when that is what they asked), or, when they ask for one, a new conversation. A bot that keeps
 * answering beside a ticket splits the story between two places, and one that offers a person again
 * loops. Depends on the repository, not {@link TicketService}, which itself needs the chat.
 */
@Singleton
@Order(HandlerOrder.TICKET_RAISED)
final class TicketRaisedHandler implements Handler {
  private final TicketRepository tickets;
  private final TurnDecisions decisions;
  private final ChatConfiguration config;
  private final TicketChat chat;
  private final TicketTexts texts;

  TicketRaisedHandler(
      TicketRepository tickets,
      TurnDecisions decisions,
      ChatConfiguration config,
      TicketChat chat,
      TicketTexts texts) {
    this.texts = texts;
    this.tickets = tickets;
    this.decisions = decisions;
    this.config = config;
    this.chat = chat;
  }

  @Override
  public Optional<Answer> take(TurnContext context) {
    return tickets
        .findByConversationId(context.conversationId())
        .map(ticket -> () -> answer(context, ticket));
  }

  private List<Reply> answer(TurnContext context, Ticket ticket) {
    var answer = chat.answer(context, ticket);
    if (answer.isPresent()) return answer.get();
    var decision = decisions.decide(context.text(), Math.max(2, config.maxArticles()));
    if (decision.isIntent()) {
      var intent = decision.intent();
      if (intent.action() == Intent.Action.TICKET_STATUS)
        return List.of(ConversationTicketStatuses.reply(ticket, texts));
      if (intent.action() == Intent.Action.TICKET_CLOSE) return List.of(chat.askToClose(ticket));
      if (intent.action() == Intent.Action.TICKET_NOTE)
        return List.of(chat.noteOrAsk(context, ticket));
      if (intent.action() == Intent.Action.NEW_CONVERSATION)
        return List.of(Reply.newConversation(intent.reply(), intent.options()));
    }
    // Here nothing but the ticket is answered, so a lower bar is safe for a note spelled out ("add
    // that ..."): the nearest intent is a note, though not a confident one.
    var nearest = decision.evidence();
    if (nearest != null
        && nearest.intent().action() == Intent.Action.TICKET_NOTE
        && TicketChat.noteText(context.text()) != null) {
      return List.of(chat.noteOrAsk(context, ticket));
    }
    // The widget starts over when this option is chosen: what "start a new chat" asks for.
    return List.of(Reply.text(texts.afterTicket(ticket), Options.NEW_CONVERSATION));
  }
}
