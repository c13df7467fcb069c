package io.tierzero.bot.analytics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Guided fix runs from what the flows feature stores: a flow in progress ({@code flow_state}: the
 * questions asked so far) and a flow that ended in an escalation ({@code flow_escalation}: the
 * step reached and the actions' outcomes).
 */
@Singleton
class FlowRuns {
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Action(@Nullable String step, @Nullable String action, @Nullable String outcome) {}

  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Stored(
      @Nullable Map<String, String> values,
      @Nullable Map<String, String> answers,
      @Nullable List<String> history,
      @Nullable List<Action> actions) {}

  private final ObjectMapper json;

  FlowRuns(ObjectMapper json) {
    this.json = json;
  }

  List<Snapshot.FlowRunRow> read(Connection connection, Instant start, Instant end) throws SQLException {
    var runs = new ArrayList<Snapshot.FlowRunRow>();
    try (var s =
            AnalyticsStore.prepare(
                connection,
                "select conversation_id, flow_id, step_id, context, created_at from flow_escalation"
                    + " where created_at >= ? and created_at < ? order by created_at",
                start,
                end);
        var rs = s.executeQuery()) {
      while (rs.next()) {
        var stored = read(rs.getString(4));
        var steps = new ArrayList<String>();
        if (stored.answers() != null) steps.addAll(stored.answers().keySet());
        if (stored.actions() != null) stored.actions().forEach(a -> { if (a.step() != null && !steps.contains(a.step())) steps.add(a.step()); });
        if (!steps.contains(rs.getString(3))) steps.add(rs.getString(3));
        runs.add(
            new Snapshot.FlowRunRow(
                rs.getString(1), rs.getString(2), steps, "escalated", succeeded(stored.actions()),
                email(stored.answers()), AnalyticsStore.instant(rs, 5)));
      }
    }
    var now = Instant.now();
    try (var s =
            AnalyticsStore.prepare(
                connection,
                "select conversation_id, flow_id, step_id, data, started_at, expires_at from flow_state"
                    + " where started_at >= ? and started_at < ?",
                start,
                end);
        var rs = s.executeQuery()) {
      while (rs.next()) {
        var stored = read(rs.getString(4));
        var steps = new ArrayList<String>(stored.history() == null ? List.of() : stored.history());
        if (!steps.contains(rs.getString(3))) steps.add(rs.getString(3));
        var expired = AnalyticsStore.instant(rs, 6).isBefore(now);
        runs.add(
            new Snapshot.FlowRunRow(
                rs.getString(1), rs.getString(2), steps, expired ? "abandoned" : "running", succeeded(stored.actions()),
                email(stored.values()), AnalyticsStore.instant(rs, 5)));
      }
    }
    return runs;
  }

  private static boolean succeeded(@Nullable List<Action> actions) {
    return actions != null && !actions.isEmpty() && actions.stream().allMatch(a -> "ok".equals(a.outcome()));
  }

  /** The first answer that looks like an email address: how a flow knows who the user is. */
  private static @Nullable String email(@Nullable Map<String, String> answers) {
    if (answers == null) return null;
    return answers.values().stream().filter(v -> v != null && v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")).findFirst().map(String::toLowerCase).orElse(null);
  }

  private Stored read(@Nullable String text) {
    if (text == null || text.isBlank()) return new Stored(null, null, null, null);
    try {
      return json.readValue(text, Stored.class);
    } catch (IOException e) {
      return new Stored(null, null, null, null);
    }
  }
}
