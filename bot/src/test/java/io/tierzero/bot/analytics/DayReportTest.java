package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DayReportTest {
  @Test
  void one_point_per_day_with_empty_days_included() {
    var day = LocalDate.parse("2026-11-02");
    var period = new Period(day.minusDays(2), day);
    var contained = Rows.conversation("a", 0).asks("q", "answer").build();
    var ticketed =
        Rows.conversation("b", 5)
            .asks("q", "no_answer")
            .ticket("T-1", "general", "x@example.com")
            .build();

    var days =
        DayReport.days(
            period, List.of(contained, ticketed), Set.of("a"), List.of(ticketed.ticket()));

    assertEquals(3, days.size());
    assertEquals(new Reports.Day(day.minusDays(2), 0, 0, 0, 0), days.get(0));
    assertEquals(new Reports.Day(day.minusDays(1), 0, 0, 0, 0), days.get(1));
    assertEquals(new Reports.Day(day, 2, 1, 1, 1), days.get(2));
    assertEquals(0.5, days.get(2).containment(), 1e-12);
  }
}
