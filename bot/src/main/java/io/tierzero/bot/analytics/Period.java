package io.tierzero.bot.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, both inclusive, in UTC: {@code from=2026-11-01&to=2026-11-30}. Days
 * rather than instants because agents think in days and a CSV per day lines up with it.
 */
@Serdeable
public record Period(LocalDate from, LocalDate to) {
  /** Without {@code from}: the last 30 days, today included. */
  public static final int DEFAULT_DAYS = 30;

  /** A year of conversations is the most one report reads into memory. */
  public static final int MAX_DAYS = 366;

  public Period {
    if (to.isBefore(from))
      throw new HttpStatusException(HttpStatus.BAD_REQUEST, "from must not be after to");
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new HttpStatusException(
          HttpStatus.BAD_REQUEST, "A report covers at most " + MAX_DAYS + " days");
    }
  }

  /** Parses the query parameters; either may be absent. */
  public static Period parse(@Nullable String from, @Nullable String to, Clock clock) {
    var end =
        to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date(to, "to");
    var start =
        from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date(from, "from");
    return new Period(start, end);
  }

  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Exclusive: the start of the day after {@link #to}. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start()) && t.isBefore(end());
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** For links: {@code from=...&to=...}. */
  public String query() {
    return "from=" + from + "&to=" + to;
  }

  private static LocalDate date(String value, String name) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new HttpStatusException(
          HttpStatus.BAD_REQUEST, name + " must be a date like 2026-11-30: " + value);
    }
  }
}
