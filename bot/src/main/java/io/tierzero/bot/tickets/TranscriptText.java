package io.tierzero.bot.tickets;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** A ticket as plain text an agent can read in any mail client or helpdesk comment. */
final class TranscriptText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private TranscriptText() {}

  /** A change, as a helpdesk comment: who, when, what, and the status now. */
  static String change(AgentTicket t, TicketChange change) {
    var out = new StringBuilder();
    out.append("Ticket ").append(t.number()).append(": ").append(t.subject()).append('\n');
    out.append(headline(t, change)).append(" at ").append(TIME.format(change.at())).append(".\n");
    boolean worded =
        !TicketChange.STATUS.equals(change.kind()) && !TicketChange.ASSIGNED.equals(change.kind());
    if (worded && change.text() != null) out.append('\n').append(change.text()).append('\n');
    out.append("\nStatus now: ").append(t.status().json()).append('\n');
    return out.toString();
  }

  /** Who did what, in a few words: the first line of a change, a mail's subject. */
  static String headline(AgentTicket t, TicketChange change) {
    var agent = "Agent " + change.by();
    return switch (change.kind()) {
      case TicketChange.CLOSED -> requester(t) + " closed the ticket in the chat";
      case TicketChange.REPLY -> agent + " replied to the requester in the Tier Zero console";
      case TicketChange.STATUS ->
          agent + " set the status to " + change.text() + " in the Tier Zero console";
      case TicketChange.ASSIGNED ->
          change.text() == null
              ? agent + " gave the ticket back to the queue"
              : agent + " assigned the ticket to " + change.text();
      default -> requester(t) + " added a note in the chat";
    };
  }

  private static String requester(AgentTicket t) {
    return t.requester().name() + " <" + t.requester().email() + ">";
  }

  static String render(AgentTicket t) {
    var out = new StringBuilder();
    out.append("Ticket ").append(t.number()).append(": ").append(t.subject()).append('\n');
    out.append("Requester: ")
        .append(t.requester().name())
        .append(" <")
        .append(t.requester().email())
        .append(">\n");
    out.append("Priority:  ")
        .append(t.priority())
        .append(" (")
        .append(t.priorityReason())
        .append(")\n");
    out.append("Category:  ")
        .append(t.category())
        .append("    Queue: ")
        .append(t.queue())
        .append('\n');
    out.append("Raised:    ")
        .append(TIME.format(t.createdAt()))
        .append(" because: ")
        .append(t.trigger())
        .append('\n');
    if (t.confidence() != null) {
      out.append("Bot confidence: ")
          .append(String.format(Locale.ROOT, "%.2f", t.confidence()))
          .append('\n');
    }
    if (t.pageUrl() != null) out.append("Page:      ").append(t.pageUrl()).append('\n');
    if (t.browser() != null) out.append("Browser:   ").append(t.browser()).append('\n');
    var context = t.context();
    if (context != null) {
      if (context.details() != null) {
        out.append("\nThe user added:\n  ")
            .append(context.details().replace("\n", "\n  "))
            .append('\n');
      }
      var flow = context.flow();
      if (flow != null) {
        out.append("\nGuided fix: ").append(flow.id());
        if (flow.stepReached() != null)
          out.append(", reached step \"").append(flow.stepReached()).append('"');
        out.append('\n');
        if (flow.reason() != null)
          out.append("  Escalated because: ").append(flow.reason()).append('\n');
        for (Map.Entry<String, String> answer : flow.answers().entrySet()) {
          out.append("  ")
              .append(answer.getKey())
              .append(": ")
              .append(answer.getValue())
              .append('\n');
        }
        for (var line : flow.tried()) out.append("  Tried: ").append(line).append('\n');
        for (var outcome : flow.actionOutcomes()) {
          out.append("  Action ")
              .append(outcome.action())
              .append(": ")
              .append(outcome.outcome())
              .append('\n');
        }
      }
      if (!context.articles().isEmpty()) {
        out.append("\nArticles shown:\n");
        for (var a : context.articles()) {
          out.append("  - ")
              .append(a.title())
              .append(" (")
              .append(a.url())
              .append(", confidence ")
              .append(String.format(Locale.ROOT, "%.2f", a.confidence()))
              .append(')');
          if (a.rating() != null) out.append(", rated ").append(a.rating());
          out.append('\n');
        }
      }
      out.append("\nConversation (secrets redacted):\n");
      for (var line : context.transcript()) {
        out.append('[')
            .append(TIME.format(line.at()))
            .append("] ")
            .append(line.from().equals("user") ? "User" : "Bot")
            .append(line.type() == null ? "" : " (" + line.type() + ")")
            .append(": ")
            .append(line.text().replace("\n", "\n    "))
            .append('\n');
      }
    }
    return out.toString();
  }
}
