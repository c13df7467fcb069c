package io.tierzero.bot.limits;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Limits that must hold across instances and under concurrent requests: a named counter in the
 * database ({@code usage_window}) per fixed window. Taking a use is one conditional update of the
 * counter's row in the caller's transaction; the row lock makes a concurrent taker wait and then
 * see the new count, so of two requests racing for the last use only one gets it (on H2 and
 * PostgreSQL alike).
 */
@Singleton
public class Limits {
  /** Counters idle this long are deleted; no window is longer. */
  static final Duration KEEP = Duration.ofDays(1);

  static final int MAX_NAME = 300;

  private static final String TAKE =
      "update usage_window set"
          + " used = case when window_start <= ? then 1 else used + 1 end,"
          + " window_start = case when window_start <= ? then ? else window_start end"
          + " where name = ? and (window_start <= ? or used < ?)";

  private final JdbcOperations jdbc;
  private final Clock clock;

  @Inject
  Limits(JdbcOperations jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Takes one use of {@code name}, allowed {@code limit} times per {@code window} (a window starts
   * with the first use after the last one ended). False when the limit is reached; nothing is
   * counted then.
   */
  @Transactional
  public boolean tryTake(String name, int limit, Duration window) {
    if (limit <= 0) return false;
    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    var key = name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    var connection = jdbc.getConnection();
    try {
      create(connection, key, now);
      try (var take = connection.prepareStatement(TAKE)) {
        var from = Timestamp.from(now.minus(window));
        take.setTimestamp(1, from);
        take.setTimestamp(2, from);
        take.setTimestamp(3, Timestamp.from(now));
        take.setString(4, key);
        take.setTimestamp(5, from);
        take.setInt(6, limit);
        return take.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count a use of a limit", e);
    }
  }

  /**
   * Makes sure the counter's row exists without failing the caller's transaction when another
   * request creates it at the same moment: PostgreSQL waits for that one and does nothing; on H2
   * the duplicate fails only this statement, and the update that follows sees the committed row or,
   * while the other is still uncommitted, refuses (a spurious refusal, never an extra use).
   */
  private static void create(Connection connection, String key, Instant now) throws SQLException {
    boolean postgres =
        connection
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase(Locale.ROOT)
            .contains("postgres");
    var sql =
        postgres
            ? "insert into usage_window (name, window_start, used) values (?, ?, 0) on conflict"
                + " (name) do nothing"
            : "insert into usage_window (name, window_start, used) select ?, ?, 0 where not exists"
                + " (select 1 from usage_window where name = ?)";
    try (var insert = connection.prepareStatement(sql)) {
      insert.setString(1, key);
      insert.setTimestamp(2, Timestamp.from(now));
      if (!postgres) insert.setString(3, key);
      insert.executeUpdate();
    } catch (SQLException e) {
      if (postgres || !"23505".equals(e.getSQLState())) throw e;
    }
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  @Transactional
  void purge() {
    try (var delete =
        jdbc.getConnection().prepareStatement("delete from usage_window where window_start < ?")) {
      delete.setTimestamp(1, Timestamp.from(clock.instant().minus(KEEP)));
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not purge old limit counters", e);
    }
  }
}
