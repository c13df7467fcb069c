package io.tierzero.bot.tickets;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.i18n.Messages;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What people read of a ticket, from the message bundles: the user's confirmation and status, the
 * subject and description an agent sees first.
 */
@Singleton
final class TicketTexts {
  private final MessageSource messages;

  TicketTexts(MessageSource messages) {
    this.messages = messages;
  }

  /** The text of {@code key} with {@code {0}}, {@code {1}}... filled from {@code arguments}. */
  String get(String key, Object... arguments) {
    return Messages.text(messages, key, arguments);
  }

  /** What the bot says in the conversation once the ticket is raised. */
  String confirmation(Ticket ticket) {
    return get("tickets.created", ticket.ticketNumber(), ticket.queue(), ticket.requesterEmail());
  }

  /** What the bot says to any message after the ticket was raised: what its status means now. */
  String afterTicket(Ticket ticket) {
    return get(
        "tickets.after-ticket",
        ticket.ticketNumber(),
        ticket.queue(),
        ticket.ticketStatus().json(),
        status(ticket));
  }

  /** What the user reads when the ticket moves: the new status and what it means for them. */
  String statusNotice(Ticket ticket) {
    return get(
        "tickets.notice.status",
        ticket.ticketNumber(),
        ticket.ticketStatus().json(),
        status(ticket));
  }

  /** What the ticket's status means for its requester, in a sentence. */
  String status(Ticket t) {
    return switch (t.ticketStatus()) {
      case NEW -> get("tickets.status.new", t.requesterEmail());
      case OPEN ->
          t.assignee() == null
              ? get("tickets.status.open.unassigned")
              : get("tickets.status.open", t.assignee());
      case PENDING -> get("tickets.status.pending");
      case RESOLVED -> get("tickets.status.resolved");
      case CLOSED -> get("tickets.status.closed");
    };
  }

  TicketReceipt receipt(Ticket t) {
    return new TicketReceipt(
        t.ticketNumber(),
        t.ticketStatus(),
        t.subject(),
        t.queue(),
        t.createdAt(),
        t.updatedAt(),
        status(t),
        TicketQueries.statusUrl(t.ticketNumber()));
  }

  /** The subject when the user asked nothing the bot could quote. */
  String subjectWithoutQuestion(@Nullable TicketContext.Flow flow) {
    return flow != null ? get("tickets.subject.flow", flow.id()) : get("tickets.subject.chat");
  }

  /** The ticket's body: who asked what, why a person is needed, what was tried. */
  String description(
      AgentTicket.Requester requester,
      String subject,
      String trigger,
      PriorityRules.Decision decision,
      @Nullable TicketContext.Flow flow,
      List<TicketContext.ArticleShown> shown,
      @Nullable String details) {
    var out = new StringBuilder();
    out.append(get("tickets.description.asked", requester.name(), subject)).append('\n');
    if (!requester.emailVerified()) {
      out.append(get("tickets.description.unverified")).append('\n');
    }
    out.append(
            get(
                switch (trigger) {
                  case "no_answers" -> "tickets.description.trigger.no-answers";
                  case "flow" -> "tickets.description.trigger.flow";
                  case "negative_rating" -> "tickets.description.trigger.negative-rating";
                  default -> "tickets.description.trigger.user-request";
                }))
        .append('\n');
    out.append(get("tickets.description.priority", decision.priority(), decision.reason()))
        .append('\n');
    if (flow != null) {
      out.append(
              get(
                  "tickets.description.flow",
                  flow.id(),
                  flow.stepReached() == null
                      ? ""
                      : get("tickets.description.flow.step", flow.stepReached()),
                  flow.reason() == null
                      ? ""
                      : get("tickets.description.flow.reason", flow.reason())))
          .append('\n');
    }
    if (!shown.isEmpty()) {
      var titles =
          shown.stream()
              .map(
                  a ->
                      a.rating() == null
                          ? a.title()
                          : get("tickets.description.article-rated", a.title(), a.rating()))
              .toList();
      out.append(get("tickets.description.articles", String.join(", ", titles))).append('\n');
    }
    if (details != null) out.append(get("tickets.description.details", details)).append('\n');
    out.append(get("tickets.description.attached"));
    return out.toString();
  }
}
