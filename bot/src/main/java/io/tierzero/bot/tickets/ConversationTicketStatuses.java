package io.tierzero.bot.tickets;

import io.tierzero.bot.chat.GuidedFixes;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.TicketStatuses;
import io.tierzero.bot.chat.TurnContext;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The ticket raised from the conversation, with number, status and last update; without one, how to
 * find them, and the widget lists the tickets of the other conversations this browser started.
 */
@Singleton
final class ConversationTicketStatuses implements TicketStatuses {
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The flow that finds a user's tickets by email after the emailed-code check. */
  static final String LOOKUP_FLOW = "my-tickets";

  private final TicketRepository tickets;
  private final GuidedFixes flows;
  private final TicketTexts texts;

  ConversationTicketStatuses(TicketRepository tickets, GuidedFixes flows, TicketTexts texts) {
    this.tickets = tickets;
    this.flows = flows;
    this.texts = texts;
  }

  @Override
  public Reply statusReply(TurnContext context) {
    return tickets
        .findByConversationId(context.conversationId())
        .map(t -> reply(t, texts))
        .orElseGet(this::noneKnown);
  }

  /** Offers the lookup by email only where that flow is offered (it may be left out or broken). */
  private Reply noneKnown() {
    if (!flows.offers(LOOKUP_FLOW)) {
      return new Reply(
              ReplyType.TICKET_STATUS,
              texts.get("tickets.chat-status.none-known.no-lookup"),
              List.of(),
              List.of(Options.TALK_TO_PERSON))
          .withAction(Reply.SHOW_MY_TICKETS);
    }
    return new Reply(
            ReplyType.TICKET_STATUS,
            texts.get("tickets.chat-status.none-known"),
            List.of(),
            List.of(findByEmail(texts), Options.TALK_TO_PERSON))
        .withAction(Reply.SHOW_MY_TICKETS);
  }

  /**
   * The option that starts the {@code my-tickets} flow: its text is one of that flow's triggers
   * ({@code articles/flows/my-tickets.yaml}), so choosing it is deciding like any message.
   */
  static String findByEmail(TicketTexts texts) {
    return texts.get("tickets.chat-status.find-by-email");
  }

  static Reply reply(Ticket t, TicketTexts texts) {
    return new Reply(
        ReplyType.TICKET_STATUS,
        texts.get(
            "tickets.chat-status.ticket",
            t.ticketNumber(),
            t.ticketStatus().json(),
            WHEN.format(t.updatedAt()),
            t.queue(),
            t.subject(),
            texts.status(t)),
        List.of(),
        List.of());
  }
}
