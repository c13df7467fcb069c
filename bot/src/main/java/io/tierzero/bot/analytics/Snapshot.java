package io.tierzero.bot.analytics;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a report reads from the database, once, for a period (plus the return window after it).
 * Reports are computed from this in memory: a few simple reads instead of one SQL statement per
 * figure, and every figure is computed from the same rows.
 */
record Snapshot(
    List<Conv> conversations,
    List<TicketRow> tickets,
    Map<String, Long> articleViews,
    List<FlowRunRow> flowRuns) {

  /**
   * Only what belongs to conversations held on {@code channel}: their messages, votes, tickets and
   * flow runs. Article page views belong to no conversation and stay as they are.
   */
  Snapshot onChannel(String channel) {
    var kept = conversations.stream().filter(c -> c.channel().equals(channel)).toList();
    var ids = kept.stream().map(Conv::id).collect(Collectors.toSet());
    return new Snapshot(
        kept,
        tickets.stream().filter(t -> ids.contains(t.conversationId())).toList(),
        articleViews,
        flowRuns.stream().filter(r -> ids.contains(r.conversationId())).toList());
  }

  /** A stored message. {@code articles}: the ids a bot reply offered, best first. */
  record Msg(
      String id,
      String sender,
      @Nullable String type,
      String body,
      List<String> articles,
      List<String> options,
      Instant at) {
    boolean fromUser() {
      return "user".equals(sender);
    }
  }

  /** A vote as stored (see the feedback package). */
  record VoteRow(
      String item,
      @Nullable String messageId,
      @Nullable String articleId,
      String vote,
      @Nullable String reason,
      Instant at) {
    boolean up() {
      return "up".equals(vote);
    }
  }

  record TicketRow(
      String number,
      String conversationId,
      String category,
      String priority,
      String trigger,
      String status,
      String email,
      String subject,
      Instant createdAt) {}

  /**
   * One guided fix run, as far as the stored data tells.
   *
   * @param steps the steps reached in order
   * @param outcome {@code resolved}, {@code escalated}, {@code cancelled}, {@code abandoned} or
   *     {@code running}
   * @param actionsSucceeded whether at least one action ran and every action succeeded
   * @param userKey SHA-256 of the email address the fix asked for, if it asked
   */
  record FlowRunRow(
      String conversationId,
      String flowId,
      List<String> steps,
      String outcome,
      boolean actionsSucceeded,
      @Nullable String userKey,
      Instant startedAt) {}

  record Conv(
      String id,
      Instant createdAt,
      String channel,
      List<Msg> messages,
      List<VoteRow> votes,
      @Nullable TicketRow ticket) {
    long userMessages() {
      return messages.stream().filter(Msg::fromUser).count();
    }
  }
}
