package io.tierzero.bot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * V53 on H2: rows the old schema wrote into {@code flow_escalation} end up in the one escalation
 * record, converted as a flow's handoff converts them now, and the table is gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationMigrationTest {
  /** The last version before the escalation record was made one. */
  static final String OLD_SCHEMA = "51";

  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  /** Two escalations of one flow without an offer row: the later one is kept. */
  final String onlyFlow = UUID.randomUUID().toString();

  /** A person was offered before the flow escalated: the flow becomes the last offer. */
  final String offerThenFlow = UUID.randomUUID().toString();

  /** A person was offered again after the flow escalated: that offer stays the trigger. */
  final String flowThenOffer = UUID.randomUUID().toString();

  String url() {
    return "jdbc:h2:mem:escalation-"
        + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  }

  String user() {
    return "sa";
  }

  String password() {
    return "";
  }

  private String url;

  @BeforeAll
  void migrateRowsOfTheOldSchema() throws SQLException {
    url = url();
    flyway().target(OLD_SCHEMA).load().migrate();
    try (var c = connect()) {
      for (var id : List.of(onlyFlow, offerThenFlow, flowThenOffer)) conversation(c, id);
      flowRow(
          c,
          onlyFlow,
          "wifi-connection",
          "ask_scope",
          "2",
          "{\"answers\":{\"scope\":\"just me\"},\"actions\":[],\"tried\":[\"Old -> one\"]}",
          T0);
      flowRow(
          c,
          onlyFlow,
          "wifi-connection",
          "area_outage",
          "2",
          "{\"answers\":{\"scope\":\"the whole"
              + " floor\"},\"actions\":[{\"step\":\"check\",\"action\":\"ping\",\"outcome\":\"failed\",\"detail\":\"timeout\"},{\"step\":\"notify\",\"action\":\"page\",\"outcome\":\"ok\"}],\"tried\":[\"Who"
              + " is affected? -> the whole floor\"]}",
          T0.plusMinutes(5));
      escalationRow(
          c,
          offerThenFlow,
          "user_request",
          T0,
          "{\"article-1\":\"unhelpful\"}",
          "{\"answers\":{},\"actionOutcomes\":[],\"requesterName\":\"Jo"
              + " Bloggs\",\"requesterEmail\":\"jo@example.com\"}");
      flowRow(
          c,
          offerThenFlow,
          "account-unlock",
          "verify_failed",
          "P3",
          "{\"answers\":{},\"actions\":[],\"tried\":[]}",
          T0.plusMinutes(1));
      flowRow(
          c,
          flowThenOffer,
          "vpn-cannot-connect",
          "still_failing",
          "p3",
          "{\"answers\":{\"client\":\"yes\"},\"actions\":[],\"tried\":[]}",
          T0);
      escalationRow(c, flowThenOffer, "no_answers", T0.plusMinutes(2), null, null);
    }
    flyway().load().migrate();
  }

  @Test
  void the_flow_escalation_table_is_gone() throws SQLException {
    try (var c = connect();
        var s =
            c.prepareStatement(
                // This schema only: other test JVMs migrate schemas of their own in the same
                // PostgreSQL database, and one may not have reached V53 yet.
                "select count(*) from information_schema.tables where lower(table_name) ="
                    + " 'flow_escalation' and table_schema = current_schema");
        var rows = s.executeQuery()) {
      rows.next();
      assertEquals(0, rows.getInt(1));
    }
  }

  @Test
  void a_flow_without_an_offer_row_gets_one_with_its_latest_escalation() throws Exception {
    var row = escalation(onlyFlow);
    assertEquals("flow", row.trigger());
    assertTrue(T0.plusMinutes(5).isEqual(row.offeredAt()), String.valueOf(row.offeredAt()));
    var context = row.context();
    assertEquals("wifi-connection", context.flowId());
    assertEquals("area_outage", context.stepReached());
    assertEquals(Priority.P2, context.priority(), "\"2\" is P2, as the ticket has always read it");
    assertEquals(Map.of("scope", "the whole floor"), context.answers());
    assertEquals(
        List.of(
            new EscalationContext.ActionOutcome("check: ping", "failed: timeout"),
            new EscalationContext.ActionOutcome("notify: page", "ok")),
        context.actionOutcomes());
    assertEquals(List.of("Who is affected? -> the whole floor"), context.tried());
  }

  @Test
  void a_flow_after_an_offer_becomes_the_last_offer_and_keeps_ratings_and_requester()
      throws Exception {
    var row = escalation(offerThenFlow);
    assertEquals("flow", row.trigger());
    assertTrue(T0.plusMinutes(1).isEqual(row.offeredAt()), String.valueOf(row.offeredAt()));
    assertEquals("{\"article-1\":\"unhelpful\"}", row.ratings());
    assertEquals("account-unlock", row.context().flowId());
    assertEquals(Priority.P3, row.context().priority());
    assertEquals("Jo Bloggs", row.context().requesterName());
    assertEquals("jo@example.com", row.context().requesterEmail());
  }

  @Test
  void an_offer_after_the_flow_stays_the_trigger_and_the_flow_context_is_kept() throws Exception {
    var row = escalation(flowThenOffer);
    assertEquals("no_answers", row.trigger());
    assertTrue(T0.plusMinutes(2).isEqual(row.offeredAt()), String.valueOf(row.offeredAt()));
    assertEquals("vpn-cannot-connect", row.context().flowId());
    assertEquals(Priority.P3, row.context().priority(), "\"p3\" is P3");
    assertFalse(row.context().answers().isEmpty());
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(url, user(), password())
        .locations("classpath:db/migration");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user(), password());
  }

  private record Row(
      String trigger,
      OffsetDateTime offeredAt,
      @Nullable String ratings,
      EscalationContext context) {}

  private Row escalation(String conversationId) throws Exception {
    try (var c = connect();
        var s =
            c.prepareStatement(
                "select trigger_kind, offered_at, ratings, context from escalation where"
                    + " conversation_id = ?")) {
      s.setString(1, conversationId);
      try (var rows = s.executeQuery()) {
        assertTrue(rows.next(), "no escalation row for " + conversationId);
        return new Row(
            rows.getString(1),
            rows.getObject(2, OffsetDateTime.class),
            rows.getString(3),
            ObjectMapper.getDefault().readValue(rows.getString(4), EscalationContext.class));
      }
    }
  }

  private static void conversation(Connection c, String id) throws SQLException {
    try (var s =
        c.prepareStatement(
            "insert into conversation (id, token_hash, created_at, updated_at, no_answer_streak,"
                + " message_count) values (?, ?, ?, ?, 0, 0)")) {
      s.setString(1, id);
      s.setString(2, "0".repeat(64));
      s.setObject(3, T0);
      s.setObject(4, T0);
      s.executeUpdate();
    }
  }

  /** A row exactly as the old flow engine wrote it. */
  private static void flowRow(
      Connection c,
      String conversationId,
      String flowId,
      String stepId,
      String priority,
      String context,
      OffsetDateTime at)
      throws SQLException {
    try (var s =
        c.prepareStatement(
            "insert into flow_escalation (id, conversation_id, flow_id, step_id, category,"
                + " priority, reason, context, created_at) values (?, ?, ?, ?, 'network', ?, 'Still"
                + " failing', ?, ?)")) {
      s.setString(1, UUID.randomUUID().toString());
      s.setString(2, conversationId);
      s.setString(3, flowId);
      s.setString(4, stepId);
      s.setString(5, priority);
      s.setString(6, context);
      s.setObject(7, at);
      s.executeUpdate();
    }
  }

  private static void escalationRow(
      Connection c,
      String conversationId,
      String trigger,
      OffsetDateTime offeredAt,
      @Nullable String ratings,
      @Nullable String context)
      throws SQLException {
    try (var s =
        c.prepareStatement(
            "insert into escalation (conversation_id, trigger_kind, context, ratings, offered_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, conversationId);
      s.setString(2, trigger);
      s.setString(3, context);
      s.setString(4, ratings);
      s.setObject(5, offeredAt);
      s.setObject(6, offeredAt);
      s.executeUpdate();
    }
  }
}
