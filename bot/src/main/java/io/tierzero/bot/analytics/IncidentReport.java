package io.tierzero.bot.analytics;

import io.tierzero.bot.analytics.Questions.Question;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Possible incidents: bursts of the same question, or of tickets in one category, from many
 * conversations within a short window ({@link AnalyticsConfiguration#incidentWindow()}).
 */
@Singleton
class IncidentReport {
  private final QuestionGroups groups;
  private final Duration window;
  private final int minConversations;

  IncidentReport(QuestionGroups groups, AnalyticsConfiguration config) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.window = config.incidentWindow();
    this.minConversations = config.incidentMinConversations();
  }

  /** Latest burst first. */
  List<Reports.Incident> incidents(List<Question> questions, List<Snapshot.TicketRow> tickets) {
    var out = new ArrayList<Reports.Incident>();
    for (var group : groups.group(questions, q -> q.text)) {
      var burst = burst(group, q -> q.at, q -> q.conversationId);
      if (burst != null) {
        var examples = Tally.examples(burst, q -> q.text);
        out.add(
            new Reports.Incident(
                "questions",
                examples.get(0),
                Tally.distinct(burst, q -> q.conversationId),
                burst.get(0).at,
                burst.getLast().at,
                examples));
      }
    }
    var byCategory = new TreeMap<String, List<Snapshot.TicketRow>>();
    tickets.forEach(t -> byCategory.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(t));
    byCategory.forEach(
        (category, rows) -> {
          var burst =
              burst(rows, Snapshot.TicketRow::createdAt, Snapshot.TicketRow::conversationId);
          if (burst != null) {
            out.add(
                new Reports.Incident(
                    "tickets",
                    category,
                    Tally.distinct(burst, Snapshot.TicketRow::conversationId),
                    burst.get(0).createdAt(),
                    burst.getLast().createdAt(),
                    Tally.examples(burst, t -> t.number() + ": " + t.subject())));
          }
        });
    out.sort(Comparator.comparing(Reports.Incident::from).reversed());
    return out;
  }

  /**
   * The window holding the most distinct conversations among {@code items}, when it holds at least
   * the configured minimum; null otherwise.
   */
  private <T> List<T> burst(
      List<T> items, Function<T, Instant> at, Function<T, String> conversation) {
    if (items.size() < minConversations) return null;
    var sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(at));
    List<T> best = null;
    long bestCount = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (at.apply(sorted.get(start)).plus(window).isBefore(at.apply(sorted.get(end)))) start++;
      var inWindow = sorted.subList(start, end + 1);
      long count = Tally.distinct(inWindow, conversation);
      if (count > bestCount) {
        bestCount = count;
        best = List.copyOf(inWindow);
      }
    }
    return bestCount >= minConversations ? best : null;
  }
}
