package io.tierzero.bot.tickets;

import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A ticket as plain text an agent can read in any mail client or helpdesk comment; its words are in
 * the tickets' bundle ({@code tickets.transcript.*}).
 */
@Singleton
final class TranscriptText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final TicketTexts texts;

  TranscriptText(TicketTexts texts) {
    this.texts = texts;
  }

  /** A change, as a helpdesk comment: who, when, what, and the status now. */
  String change(AgentTicket t, TicketChange change) {
    var out = new StringBuilder();
    out.append(texts.get("tickets.transcript.title", t.number(), t.subject())).append('\n');
    out.append(
            texts.get("tickets.transcript.change", headline(t, change), TIME.format(change.at())))
        .append('\n');
    boolean worded =
        !TicketChange.STATUS.equals(change.kind()) && !TicketChange.ASSIGNED.equals(change.kind());
    if (worded && change.text() != null) out.append('\n').append(change.text()).append('\n');
    out.append('\n')
        .append(texts.get("tickets.transcript.status-now", t.status().json()))
        .append('\n');
    return out.toString();
  }

  /** Who did what, in a few words: the first line of a change, a mail's subject. */
  String headline(AgentTicket t, TicketChange change) {
    var agent = change.by();
    return switch (change.kind()) {
      case TicketChange.CLOSED -> texts.get("tickets.transcript.by-requester.closed", requester(t));
      case TicketChange.REPLY -> texts.get("tickets.transcript.by-agent.reply", agent);
      case TicketChange.STATUS ->
          texts.get("tickets.transcript.by-agent.status", agent, change.text());
      case TicketChange.ASSIGNED ->
          change.text() == null
              ? texts.get("tickets.transcript.by-agent.unassigned", agent)
              : texts.get("tickets.transcript.by-agent.assigned", agent, change.text());
      default -> texts.get("tickets.transcript.by-requester.note", requester(t));
    };
  }

  private String requester(AgentTicket t) {
    return texts.get(
        "tickets.transcript.requester-address", t.requester().name(), t.requester().email());
  }

  String render(AgentTicket t) {
    var out = new StringBuilder();
    line(out, "tickets.transcript.title", t.number(), t.subject());
    line(out, "tickets.transcript.requester", t.requester().name(), t.requester().email());
    line(out, "tickets.transcript.priority", t.priority(), t.priorityReason());
    line(out, "tickets.transcript.category", t.category(), t.queue());
    line(out, "tickets.transcript.raised", TIME.format(t.createdAt()), t.trigger());
    if (t.confidence() != null) {
      line(
          out, "tickets.transcript.confidence", String.format(Locale.ROOT, "%.2f", t.confidence()));
    }
    if (t.pageUrl() != null) line(out, "tickets.transcript.page", t.pageUrl());
    if (t.browser() != null) line(out, "tickets.transcript.browser", t.browser());
    var context = t.context();
    if (context != null) {
      if (context.details() != null) {
        out.append('\n');
        line(out, "tickets.transcript.details");
        out.append("  ").append(context.details().replace("\n", "\n  ")).append('\n');
      }
      var flow = context.flow();
      if (flow != null) {
        out.append('\n').append(texts.get("tickets.transcript.flow", flow.id()));
        if (flow.stepReached() != null)
          out.append(texts.get("tickets.transcript.flow.step", flow.stepReached()));
        out.append('\n');
        if (flow.reason() != null) line(out, "tickets.transcript.flow.reason", flow.reason());
        for (Map.Entry<String, String> answer : flow.answers().entrySet()) {
          line(out, "tickets.transcript.flow.answer", answer.getKey(), answer.getValue());
        }
        for (var tried : flow.tried()) line(out, "tickets.transcript.flow.tried", tried);
        for (var outcome : flow.actionOutcomes()) {
          line(out, "tickets.transcript.flow.action", outcome.action(), outcome.outcome());
        }
      }
      if (!context.articles().isEmpty()) {
        out.append('\n');
        line(out, "tickets.transcript.articles");
        for (var a : context.articles()) {
          line(
              out,
              "tickets.transcript.article",
              a.title(),
              a.url(),
              String.format(Locale.ROOT, "%.2f", a.confidence()),
              a.rating() == null ? "" : texts.get("tickets.transcript.article.rated", a.rating()));
        }
      }
      out.append('\n');
      line(out, "tickets.transcript.conversation");
      for (var entry : context.transcript()) {
        line(
            out,
            "tickets.transcript.line",
            TIME.format(entry.at()),
            entry.from().equals("user")
                ? texts.get("tickets.transcript.from-user")
                : texts.get("tickets.transcript.from-bot"),
            entry.type() == null ? "" : texts.get("tickets.transcript.type", entry.type()),
            entry.text().replace("\n", "\n    "));
      }
    }
    return out.toString();
  }

  /** The text of {@code key} and a line break. */
  private void line(StringBuilder out, String key, Object... arguments) {
    out.append(texts.get(key, arguments)).append('\n');
  }
}
