package io.tierzero.bot.analytics;

import java.util.List;

/** Tickets raised in the period, by category, priority and trigger. */
final class TicketReport {
  private TicketReport() {}

  static Reports.Tickets tickets(List<Snapshot.TicketRow> tickets) {
    return new Reports.Tickets(
        tickets.size(),
        Tally.counts(tickets, Snapshot.TicketRow::category),
        Tally.counts(tickets, Snapshot.TicketRow::priority),
        Tally.counts(tickets, Snapshot.TicketRow::trigger));
  }
}
