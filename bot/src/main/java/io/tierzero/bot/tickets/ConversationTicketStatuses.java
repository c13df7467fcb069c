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
  static final String NONE_KNOWN =
      "I don't know of a ticket raised in this chat. Your ticket number and every update are in the"
          + " emails from the IT Service Desk; reply to one of them to add something. I can also"
          + " find the tickets raised under your work email: I'll email you a code first to check"
          + " it's you.";

  static final String NONE_KNOWN_NO_LOOKUP =
      "I don't know of a ticket raised in this chat. Your ticket number and every update are in the"
          + " emails from the IT Service Desk; reply to one of them to add something. If you want,"
          + " a person can look your tickets up for you.";

  /**
   * Starts the {@code my-tickets} flow: the option's text is one of that flow's triggers ({@code
   * articles/flows/my-tickets.yaml}), so choosing it is deciding like any message.
   */
  static final String FIND_BY_EMAIL = "Find my tickets by email";

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
              NONE_KNOWN_NO_LOOKUP,
              List.of(),
              List.of(Options.TALK_TO_PERSON))
          .withAction(Reply.SHOW_MY_TICKETS);
    }
    return new Reply(
            ReplyType.TICKET_STATUS,
            NONE_KNOWN,
            List.of(),
            List.of(FIND_BY_EMAIL, Options.TALK_TO_PERSON))
        .withAction(Reply.SHOW_MY_TICKETS);
  }

  static Reply reply(Ticket t, TicketTexts texts) {
    return new Reply(
        ReplyType.TICKET_STATUS,
        "Your ticket "
            + t.ticketNumber()
            + ": "
            + t.ticketStatus().json()
            + ", last updated "
            + WHEN.format(t.updatedAt())
            + " (queue: "
            + t.queue()
            + ", \""
            + t.subject()
            + "\"). "
            + texts.status(t),
        List.of(),
        List.of());
  }
}
