package db.migration;

import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.bot.tickets.EscalationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One escalation record: each conversation's latest {@code flow_escalation} row moves into its
 * {@code escalation} row, then the table goes. A flow's row always won over the context in {@code
 * escalation} when a ticket was raised, so it replaces that context, converted by the same {@link
 * EscalationContext#of} the bot now uses (in Java, not SQL, because that conversion reformats a
 * JSON array, which PostgreSQL and H2 do not do alike). Where the flow escalated after the last
 * offer of a person (or there was none), the flow becomes the last offer, as the ticket's trigger
 * read it.
 */
public class V53__one_escalation_record extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    var json = ObjectMapper.getDefault();
    var latest = new LinkedHashMap<String, Row>();
    try (var select =
            connection.prepareStatement(
                "select conversation_id, flow_id, step_id, category, priority, reason, context,"
                    + " created_at from flow_escalation order by conversation_id, created_at");
        var rows = select.executeQuery()) {
      while (rows.next()) {
        var row =
            new Row(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getObject(8, OffsetDateTime.class));
        latest.put(row.conversationId(), row);
      }
    }
    for (var row : latest.values()) move(connection, json, row);
    try (var drop = connection.createStatement()) {
      drop.execute("drop table flow_escalation");
    }
  }

  private static void move(Connection connection, ObjectMapper json, Row row) throws SQLException {
    var flow = read(json, row.context(), FlowEscalation.Context.class);
    var kept =
        EscalationContext.of(
            new FlowEscalation(
                row.conversationId(),
                row.flowId(),
                row.flowId(),
                row.stepId(),
                row.category(),
                row.priority(),
                row.reason(),
                flow));
    try (var find =
        connection.prepareStatement(
            "select context, offered_at from escalation where conversation_id = ?")) {
      find.setString(1, row.conversationId());
      try (var existing = find.executeQuery()) {
        if (!existing.next()) {
          insert(connection, row, write(json, kept));
          return;
        }
        var previous = existing.getString(1);
        if (previous != null) {
          // A requester the earlier context knew still prefills the ticket form.
          var known = read(json, previous, EscalationContext.class);
          kept = kept.withRequester(known.requesterName(), known.requesterEmail());
        }
        var offeredAt = existing.getObject(2, OffsetDateTime.class);
        update(
            connection,
            row,
            write(json, kept),
            offeredAt == null || row.createdAt().isAfter(offeredAt));
      }
    }
  }

  private static void insert(Connection connection, Row row, String context) throws SQLException {
    try (var insert =
        connection.prepareStatement(
            "insert into escalation (conversation_id, trigger_kind, context, offered_at,"
                + " updated_at) values (?, 'flow', ?, ?, ?)")) {
      insert.setString(1, row.conversationId());
      insert.setString(2, context);
      insert.setObject(3, row.createdAt());
      insert.setObject(4, row.createdAt());
      insert.executeUpdate();
    }
  }

  private static void update(
      Connection connection, Row row, String context, boolean flowIsLastOffer) throws SQLException {
    var sql =
        flowIsLastOffer
            ? "update escalation set context = ?, trigger_kind = 'flow', offered_at = ? where"
                + " conversation_id = ?"
            : "update escalation set context = ? where conversation_id = ?";
    try (var update = connection.prepareStatement(sql)) {
      int i = 1;
      update.setString(i++, context);
      if (flowIsLastOffer) update.setObject(i++, row.createdAt());
      update.setString(i, row.conversationId());
      update.executeUpdate();
    }
  }

  private static <T> T read(ObjectMapper json, String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable stored escalation JSON", e);
    }
  }

  private static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Row(
      String conversationId,
      String flowId,
      String stepId,
      String category,
      String priority,
      String reason,
      String context,
      OffsetDateTime createdAt) {}
}
