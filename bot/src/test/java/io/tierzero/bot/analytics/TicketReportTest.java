package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicketReportTest {
  @Test
  void tickets_are_counted_by_category_priority_and_trigger() {
    var tickets =
        TicketReport.tickets(
            List.of(
                Rows.ticket("T-1", "c1", "accounts", "a@example.com", 0),
                Rows.ticket("T-2", "c2", "general", "b@example.com", 1),
                Rows.ticket("T-3", "c3", "accounts", "c@example.com", 2)));

    assertEquals(3, tickets.total());
    assertEquals(
        List.of(new Reports.Count("accounts", 2), new Reports.Count("general", 1)),
        tickets.byCategory());
    assertEquals(List.of(new Reports.Count("P3", 3)), tickets.byPriority());
    assertEquals(List.of(new Reports.Count("user_request", 3)), tickets.byTrigger());
  }
}
