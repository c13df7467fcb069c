package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentReportTest {
  private final IncidentReport report =
      new IncidentReport(
          new QuestionGroups(null, 0.7),
          new AnalyticsConfiguration(0.7, Duration.ofHours(1), 3, Duration.ofDays(7)));

  @Test
  void a_burst_of_the_same_question_from_three_conversations_is_a_possible_incident() {
    var conversations =
        List.of(
            Rows.conversation("c1", 0).asks("my account is locked", "answer").build(),
            Rows.conversation("c2", 5).asks("my account is locked", "answer").build(),
            Rows.conversation("c3", 9).asks("My account is locked!", "answer").build(),
            Rows.conversation("c4", 10).asks("printer is jammed", "no_answer").build());

    var incidents = report.incidents(Questions.of(conversations), List.of());

    assertEquals(1, incidents.size(), incidents.toString());
    assertEquals("questions", incidents.get(0).kind());
    assertEquals("my account is locked", incidents.get(0).label());
    assertEquals(3, incidents.get(0).conversations());
    assertEquals(Rows.at(0), incidents.get(0).from());
    assertEquals(Rows.at(9), incidents.get(0).to());
  }

  @Test
  void the_same_question_spread_wider_than_the_window_is_no_incident() {
    var conversations =
        List.of(
            Rows.conversation("c1", 0).asks("my account is locked", "answer").build(),
            Rows.conversation("c2", 50).asks("my account is locked", "answer").build(),
            Rows.conversation("c3", 120).asks("my account is locked", "answer").build());

    assertTrue(report.incidents(Questions.of(conversations), List.of()).isEmpty());
  }

  @Test
  void tickets_in_one_category_from_three_conversations_in_the_window_are_a_possible_incident() {
    var tickets =
        List.of(
            Rows.ticket("T-1", "c1", "network", "a@example.com", 0),
            Rows.ticket("T-2", "c2", "network", "b@example.com", 20),
            Rows.ticket("T-3", "c3", "network", "c@example.com", 40),
            Rows.ticket("T-4", "c4", "printing", "d@example.com", 40));

    var incidents = report.incidents(List.of(), tickets);

    assertEquals(1, incidents.size(), incidents.toString());
    assertEquals("tickets", incidents.get(0).kind());
    assertEquals("network", incidents.get(0).label());
    assertEquals(3, incidents.get(0).conversations());
    assertEquals(
        List.of("T-1: Help with network", "T-2: Help with network", "T-3: Help with network"),
        incidents.get(0).examples());
  }
}
