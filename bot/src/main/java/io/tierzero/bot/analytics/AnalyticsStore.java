package io.tierzero.bot.analytics;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.tierzero.bot.chat.ArticleLink;
import io.tierzero.bot.chat.ReplyPayload;
import io.tierzero.bot.conversations.MessagePayloads;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads a {@link Snapshot} with plain SQL. Analytics only reads, across features' tables
 * (conversations, feedback, tickets, flows), so it uses their columns rather than their
 * repositories, which stay private to their packages.
 */
@Singleton
class AnalyticsStore {
  private final DataSource dataSource;
  private final MessagePayloads payloads;
  private final FlowRuns flowRuns;

  AnalyticsStore(DataSource dataSource, MessagePayloads payloads, FlowRuns flowRuns) {
    this.dataSource = raw(dataSource);
    this.payloads = payloads;
    this.flowRuns = flowRuns;
  }

  /**
   * Conversations started in [{@code start}, {@code end}) with their messages, votes and ticket.
   */
  Snapshot read(Instant start, Instant end) {
    try (var connection = dataSource.getConnection()) {
      var conversations = new LinkedHashMap<String, Instant>();
      var channels = new HashMap<String, String>();
      try (var s =
              prepare(
                  connection,
                  "select id, created_at, channel from conversation where created_at >= ? and"
                      + " created_at < ? order by created_at",
                  start,
                  end);
          var rs = s.executeQuery()) {
        while (rs.next()) {
          conversations.put(rs.getString(1), instant(rs, 2));
          channels.put(rs.getString(1), rs.getString(3));
        }
      }
      var messages = new HashMap<String, List<Snapshot.Msg>>();
      try (var s =
              prepare(
                  connection,
                  "select m.conversation_id, m.id, m.sender, m.reply_type, m.body, m.payload,"
                      + " m.created_at from chat_message m join conversation c on c.id ="
                      + " m.conversation_id where c.created_at >= ? and c.created_at < ? order by"
                      + " m.conversation_id, m.seq",
                  start,
                  end);
          var rs = s.executeQuery()) {
        while (rs.next()) {
          // A payload that does not read counts as offering nothing: one bad row must not hide
          // the rest of the report.
          var payload =
              payloads.readIfValid(rs.getString(6), ReplyPayload.class).orElse(ReplyPayload.NONE);
          var articles = payload.articles().stream().map(ArticleLink::id).toList();
          messages
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Snapshot.Msg(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      articles,
                      payload.options(),
                      instant(rs, 7)));
        }
      }
      var votes = new HashMap<String, List<Snapshot.VoteRow>>();
      try (var s =
              prepare(
                  connection,
                  "select f.conversation_id, f.item, f.message_id, f.article_id, f.vote, f.reason,"
                      + " f.updated_at from feedback f join conversation c on c.id ="
                      + " f.conversation_id where c.created_at >= ? and c.created_at < ? order by"
                      + " f.updated_at",
                  start,
                  end);
          var rs = s.executeQuery()) {
        while (rs.next()) {
          votes
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Snapshot.VoteRow(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      instant(rs, 7)));
        }
      }
      var tickets = new ArrayList<Snapshot.TicketRow>();
      var ticketByConversation = new HashMap<String, Snapshot.TicketRow>();
      try (var s =
              prepare(
                  connection,
                  "select ticket_number, conversation_id, category, priority, trigger_kind, status,"
                      + " requester_email, subject, created_at from ticket where created_at >= ?"
                      + " and created_at < ? order by created_at",
                  start,
                  end);
          var rs = s.executeQuery()) {
        while (rs.next()) {
          var t =
              new Snapshot.TicketRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  instant(rs, 9));
          tickets.add(t);
          ticketByConversation.put(t.conversationId(), t);
        }
      }
      // A ticket raised for a conversation started before the period still belongs to it.
      try (var s =
              prepare(
                  connection,
                  "select t.ticket_number, t.conversation_id, t.category, t.priority,"
                      + " t.trigger_kind, t.status, t.requester_email, t.subject, t.created_at from"
                      + " ticket t join conversation c on c.id = t.conversation_id where"
                      + " c.created_at >= ? and c.created_at < ?",
                  start,
                  end);
          var rs = s.executeQuery()) {
        while (rs.next()) {
          ticketByConversation.putIfAbsent(
              rs.getString(2),
              new Snapshot.TicketRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  instant(rs, 9)));
        }
      }
      var views = new HashMap<String, Long>();
      try (var s =
              prepare(
                  connection,
                  "select article_id, count(*) from article_view where viewed_at >= ? and viewed_at"
                      + " < ? group by article_id",
                  start,
                  end);
          var rs = s.executeQuery()) {
        while (rs.next()) views.put(rs.getString(1), rs.getLong(2));
      }
      var convs = new ArrayList<Snapshot.Conv>(conversations.size());
      conversations.forEach(
          (id, created) ->
              convs.add(
                  new Snapshot.Conv(
                      id,
                      created,
                      channels.get(id),
                      messages.getOrDefault(id, List.of()),
                      votes.getOrDefault(id, List.of()),
                      ticketByConversation.get(id))));
      return new Snapshot(convs, tickets, views, flowRuns.read(connection, start, end));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read analytics: " + e.getMessage(), e);
    }
  }

  /**
   * The pool itself: the injected data source only hands out the connection of a surrounding
   * transaction, and reports and view counts run outside one on purpose.
   */
  static DataSource raw(DataSource dataSource) {
    var ds = dataSource;
    while (ds instanceof DelegatingDataSource delegating) ds = delegating.getTargetDataSource();
    return ds;
  }

  static PreparedStatement prepare(Connection connection, String sql, Instant start, Instant end)
      throws SQLException {
    var s = connection.prepareStatement(sql);
    s.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
    s.setObject(2, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
    return s;
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    var value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
