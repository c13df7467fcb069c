package io.tierzero.bot.analytics;

import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.json.JsonColumns;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Guided fix runs started in a period ({@code flow_run}, kept by {@link FlowRunRecorder}). A run
 * still marked running whose flow state is gone (expired and purged) or expired was abandoned.
 */
@Singleton
class FlowRuns {
  static final String ABANDONED = "abandoned";

  private final ObjectMapper json;

  FlowRuns(ObjectMapper json) {
    this.json = json;
  }

  List<Snapshot.FlowRunRow> read(Connection connection, Instant start, Instant end)
      throws SQLException {
    var runs = new ArrayList<Snapshot.FlowRunRow>();
    var now = Instant.now();
    try (var s =
            AnalyticsStore.prepare(
                connection,
                "select r.conversation_id, r.flow_id, r.steps, r.outcome, r.actions_ok,"
                    + " r.actions_failed, r.user_key, r.started_at, s.expires_at from flow_run r"
                    + " left join flow_state s on s.conversation_id = r.conversation_id and"
                    + " s.flow_id = r.flow_id where r.started_at >= ? and r.started_at < ? order by"
                    + " r.started_at",
                start,
                end);
        var rs = s.executeQuery()) {
      while (rs.next()) {
        var outcome = rs.getString(4);
        var expires = AnalyticsStore.instant(rs, 9);
        if (FlowRunRecord.RUNNING.equals(outcome) && (expires == null || expires.isBefore(now)))
          outcome = ABANDONED;
        runs.add(
            new Snapshot.FlowRunRow(
                rs.getString(1),
                rs.getString(2),
                steps(rs.getString(3)),
                outcome,
                rs.getInt(5) > 0 && rs.getInt(6) == 0,
                rs.getString(7),
                AnalyticsStore.instant(rs, 8)));
      }
    }
    return runs;
  }

  private List<String> steps(String text) {
    return JsonColumns.readIfValid(json, FlowRunRecord.STEPS, text, String[].class)
        .map(List::of)
        .orElse(List.of());
  }
}
