package io.tierzero.bot.analytics;

import io.tierzero.bot.analytics.Snapshot.Conv;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The time series: one point per day of the period (UTC), empty days included. */
final class DayReport {
  private DayReport() {}

  static List<Reports.Day> days(
      Period period, List<Conv> asked, Set<String> resolved, List<Snapshot.TicketRow> tickets) {
    var days = new ArrayList<Reports.Day>(period.days());
    for (var day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
      var d = day;
      var those = asked.stream().filter(c -> utcDay(c.createdAt()).equals(d)).toList();
      days.add(
          new Reports.Day(
              day,
              those.size(),
              those.stream().filter(c -> c.ticket() == null).count(),
              those.stream().filter(c -> resolved.contains(c.id())).count(),
              tickets.stream().filter(t -> utcDay(t.createdAt()).equals(d)).count()));
    }
    return days;
  }

  private static LocalDate utcDay(Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
