package io.tierzero.bot.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Snapshot rows for the reports' tests, built by hand: what {@link AnalyticsStore} would read. */
final class Rows {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private Rows() {}

  static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  static Snapshot.Msg user(String id, String text, int minute) {
    return new Snapshot.Msg(id, "user", null, text, List.of(), List.of(), at(minute));
  }

  static Snapshot.Msg bot(String id, String type, int minute, String... articles) {
    return new Snapshot.Msg(id, "bot", type, "", List.of(articles), List.of(), at(minute));
  }

  static Snapshot.VoteRow vote(String messageId, String articleId, boolean up, int minute) {
    return vote(messageId, articleId, up, null, minute);
  }

  static Snapshot.VoteRow vote(
      String messageId, String articleId, boolean up, String reason, int minute) {
    return new Snapshot.VoteRow(
        "answer", messageId, articleId, up ? "up" : "down", reason, at(minute));
  }

  static Snapshot.TicketRow ticket(
      String number, String conversationId, String category, String email, int minute) {
    return new Snapshot.TicketRow(
        number,
        conversationId,
        category,
        "P3",
        "user_request",
        "new",
        email,
        "Help with " + category,
        at(minute));
  }

  static Snapshot.FlowRunRow run(
      String conversationId, String flowId, String outcome, boolean actionsOk, String... steps) {
    return new Snapshot.FlowRunRow(
        conversationId, flowId, List.of(steps), outcome, actionsOk, null, at(0));
  }

  /** A conversation started at {@code minute} of the day of {@link #T0}. */
  static Conversation conversation(String id, int minute) {
    return new Conversation(id, minute);
  }

  static final class Conversation {
    private final String id;
    private final int minute;
    private final List<Snapshot.Msg> messages = new ArrayList<>();
    private final List<Snapshot.VoteRow> votes = new ArrayList<>();
    private Snapshot.TicketRow ticket;

    private Conversation(String id, int minute) {
      this.id = id;
      this.minute = minute;
    }

    /** The user asks {@code text}; the bot replies with {@code type}, offering {@code articles}. */
    Conversation asks(String text, String type, String... articles) {
      int n = messages.size();
      messages.add(user(id + "-m" + n, text, minute));
      messages.add(bot(id + "-m" + (n + 1), type, minute, articles));
      return this;
    }

    Conversation says(String text) {
      messages.add(user(id + "-m" + messages.size(), text, minute));
      return this;
    }

    /** A vote on the bot message {@code index} (0 the first message). */
    Conversation votes(int index, boolean up, String reason) {
      var m = messages.get(index);
      votes.add(
          vote(
              m.id(), m.articles().isEmpty() ? null : m.articles().get(0), up, reason, minute + 1));
      return this;
    }

    Conversation ticket(String number, String category, String email) {
      ticket = Rows.ticket(number, id, category, email, minute + 2);
      return this;
    }

    Snapshot.Conv build() {
      return new Snapshot.Conv(
          id, at(minute), "widget", List.copyOf(messages), List.copyOf(votes), ticket);
    }
  }
}
