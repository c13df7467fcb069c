package io.tierzero.bot.analytics;

import static io.tierzero.bot.analytics.AnalyticsTestApp.basic;
import static io.tierzero.bot.analytics.AnalyticsTestApp.raiseTicket;
import static io.tierzero.bot.analytics.AnalyticsTestApp.send;
import static io.tierzero.bot.analytics.AnalyticsTestApp.start;
import static io.tierzero.bot.analytics.AnalyticsTestApp.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.tickets.AgentTicket;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Analytics over a seeded set of conversations, each figure worked out by hand from the seed.
 *
 * <pre>
 * C1  "my account is locked"   answer (account-locked-out, accounts)  thumbs up          contained, resolved
 * C2  "my mailbox is full"     answer (mailbox-full, email)           down: outdated     contained
 * C3  "the printer is jammed"  no answer; person; ticket bob          (general)
 * C4  "my password expired"    answer (reset-forgotten-password)      "That worked"      contained, resolved
 * C5  opened, nothing asked                                                              not counted
 * C6  "printer is jammed"      no answer                                                 contained
 * C7  "my account is locked"   answer; thumbs up; person; ticket carol (accounts)        positive, but returns:
 * C8  "my account is locked"   answer; person; ticket carol (accounts), same topic, after C7
 * C9  "printer is jammed"      no answer, moved to 10 days ago                           contained
 * </pre>
 *
 * Today: 7 conversations (C1-C4, C6-C8), contained 4, resolved 2 (C1, C4), 3 tickets, 7 questions,
 * 2 abstained. The last 30 days add C9: 8, 5, 2, 3 tickets, 8 questions, 3 abstained. Three
 * conversations asked "my account is locked" within minutes: with a burst threshold of 3 that is
 * one possible incident.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsControllerTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject DataSource dataSource;

  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(AnalyticsTestApp.properties());
    properties.put("tierzero.analytics.incident-min-conversations", "3");
    return properties;
  }

  @BeforeAll
  void seed() throws Exception {
    var c1 = start(client);
    var a1 = send(client, c1, "my account is locked").get(0);
    client.toBlocking().exchange(vote(c1, Map.of("messageId", a1.id(), "vote", "up")));

    var c2 = start(client);
    var a2 = send(client, c2, "my mailbox is full").get(0);
    client
        .toBlocking()
        .exchange(vote(c2, Map.of("messageId", a2.id(), "vote", "down", "reason", "outdated")));

    var c3 = start(client);
    assertEquals(ReplyType.NO_ANSWER, send(client, c3, "the printer is jammed").get(0).type());
    raiseTicket(client, c3, "Bob", "bob@example.com");

    var c4 = start(client);
    send(client, c4, "my password expired");
    send(client, c4, "That worked");

    start(client); // C5

    var c6 = start(client);
    send(client, c6, "printer is jammed");

    var c7 = start(client);
    var a7 = send(client, c7, "my account is locked").get(0);
    client.toBlocking().exchange(vote(c7, Map.of("messageId", a7.id(), "vote", "up")));
    raiseTicket(client, c7, "Carol", "carol@example.com");

    var c8 = start(client);
    send(client, c8, "my account is locked");
    raiseTicket(client, c8, "Carol", "Carol@Example.com");

    var c9 = start(client);
    send(client, c9, "printer is jammed");
    moveBack(c9.id(), 10);

    for (var path :
        List.of("/kb/account-locked-out", "/kb/account-locked-out", "/api/articles/mailbox-full")) {
      client.toBlocking().exchange(HttpRequest.GET(path));
    }
    // Views are written off the request thread: wait until all three are in.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (summary("").articleViews() < 3 && System.nanoTime() < deadline) Thread.sleep(50);
  }

  private void moveBack(String conversationId, int days) throws Exception {
    var at = OffsetDateTime.ofInstant(Instant.now().minus(days, ChronoUnit.DAYS), ZoneOffset.UTC);
    try (var connection = AnalyticsStore.raw(dataSource).getConnection()) {
      for (var sql :
          List.of(
              "update conversation set created_at = ? where id = ?",
              "update chat_message set created_at = ? where conversation_id = ?")) {
        try (var s = connection.prepareStatement(sql)) {
          s.setObject(1, at);
          s.setString(2, conversationId);
          s.executeUpdate();
        }
      }
    }
  }

  private <T> T get(String path, Class<T> type) {
    return client
        .toBlocking()
        .retrieve(HttpRequest.GET(path).header("Authorization", basic()), type);
  }

  private <T> List<T> list(String path, Class<T> type) {
    return client
        .toBlocking()
        .retrieve(HttpRequest.GET(path).header("Authorization", basic()), Argument.listOf(type));
  }

  private Reports.Summary summary(String query) {
    return get("/api/agent/analytics/summary" + query, Reports.Summary.class);
  }

  @Test
  void the_summary_of_the_last_30_days_counts_the_seeded_conversations() {
    var s = summary("");

    assertEquals(today.minusDays(29), s.period().from());
    assertEquals(today, s.period().to());
    assertEquals(8, s.conversations());
    assertEquals(5, s.containment().count());
    assertEquals(8, s.containment().of());
    assertEquals(5.0 / 8, s.containment().rate(), 1e-12);
    assertEquals(2, s.resolution().count());
    assertEquals(2.0 / 8, s.resolution().rate(), 1e-12);
    assertEquals(3, s.tickets());
    assertEquals(8, s.questions());
    assertEquals(3, s.abstained());
    assertEquals(2, s.votesUp());
    assertEquals(1, s.votesDown());
    assertEquals(3, s.articleViews());
    assertEquals(1, s.incidents());
    assertTrue(s.containment().definition().contains("no ticket"), s.containment().definition());
    assertTrue(s.resolution().definition().contains("7 days"), s.resolution().definition());
  }

  @Test
  void a_date_range_of_today_leaves_out_the_older_conversation() {
    var s = summary("?from=" + today + "&to=" + today);

    assertEquals(7, s.conversations());
    assertEquals(4, s.containment().count());
    assertEquals(2, s.resolution().count());
    assertEquals(7, s.questions());
    assertEquals(2, s.abstained());
    assertEquals(
        0, summary("?from=" + today.minusDays(40) + "&to=" + today.minusDays(31)).conversations());
  }

  @Test
  void the_days_series_has_one_point_per_day() {
    var days = list("/api/agent/analytics/days", Reports.Day.class);

    assertEquals(30, days.size());
    var last = days.get(29);
    assertEquals(today, last.day());
    assertEquals(7, last.conversations());
    assertEquals(4, last.contained());
    assertEquals(2, last.resolved());
    assertEquals(3, last.tickets());
    var older = days.get(19);
    assertEquals(today.minusDays(10), older.day());
    assertEquals(1, older.conversations());
    assertEquals(1, older.contained());
  }

  @Test
  void articles_show_views_answers_shown_and_helpfulness() {
    var articles = list("/api/agent/analytics/articles", Reports.Article.class);
    var locked =
        articles.stream()
            .filter(a -> a.id().equals("account-locked-out"))
            .findFirst()
            .orElseThrow();
    var mailbox =
        articles.stream().filter(a -> a.id().equals("mailbox-full")).findFirst().orElseThrow();
    var password =
        articles.stream()
            .filter(a -> a.id().equals("reset-forgotten-password"))
            .findFirst()
            .orElseThrow();

    assertEquals("account-locked-out", articles.get(0).id(), "most shown first");
    assertEquals(2, locked.views());
    assertEquals(3, locked.answersShown());
    assertEquals(2, locked.up());
    assertEquals(0, locked.down());
    assertEquals(7.0 / 12, locked.helpfulness(), 1e-12);
    assertEquals(1, mailbox.views());
    assertEquals(1, mailbox.answersShown());
    assertEquals(1, mailbox.down());
    assertEquals(5.0 / 11, mailbox.helpfulness(), 1e-12);
    assertEquals(1, password.answersShown());
    assertEquals(0.5, password.helpfulness(), 1e-12);
  }

  @Test
  void tickets_are_counted_by_category_priority_and_trigger() {
    var tickets = get("/api/agent/analytics/tickets", Reports.Tickets.class);

    assertEquals(3, tickets.total());
    assertEquals(
        List.of(new Reports.Count("accounts", 2), new Reports.Count("general", 1)),
        tickets.byCategory());
    assertEquals(List.of(new Reports.Count("user_request", 3)), tickets.byTrigger());
    // Priorities come from the tickets' own rules: the same counts as the tickets API shows.
    var expected = new TreeMap<String, Long>();
    list("/api/agent/tickets", AgentTicket.class)
        .forEach(t -> expected.merge(t.priority().name(), 1L, Long::sum));
    var actual = new TreeMap<String, Long>();
    tickets.byPriority().forEach(c -> actual.put(c.key(), c.count()));
    assertEquals(expected, actual);
  }

  @Test
  void content_gaps_group_similar_questions_most_frequent_first() {
    var gaps = list("/api/agent/analytics/gaps", Reports.Gap.class);

    assertEquals(2, gaps.size(), gaps.toString());
    var printer = gaps.get(0);
    assertEquals(3, printer.questions());
    assertEquals(3, printer.conversations());
    assertEquals(3, printer.abstained());
    assertEquals("printer is jammed", printer.title());
    assertEquals(List.of("printer is jammed", "the printer is jammed"), printer.examples());
    var mailbox = gaps.get(1);
    assertEquals(1, mailbox.ratedDown());
    assertEquals(List.of("my mailbox is full"), mailbox.examples());
    assertEquals(List.of(new Reports.Count("outdated", 1)), mailbox.reasons());
  }

  @Test
  void a_burst_of_the_same_question_is_flagged_as_a_possible_incident() {
    var incidents = list("/api/agent/analytics/incidents", Reports.Incident.class);

    assertEquals(1, incidents.size(), incidents.toString());
    assertEquals("questions", incidents.get(0).kind());
    assertEquals("my account is locked", incidents.get(0).label());
    assertEquals(3, incidents.get(0).conversations());
  }

  @Test
  void exports_the_summary_as_csv() {
    var response =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET("/api/agent/analytics/csv/summary")
                    .header("Authorization", basic()),
                String.class);

    assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/csv"));
    assertTrue(
        response
            .header("Content-Disposition")
            .contains("tierzero-summary-" + today.minusDays(29) + "-to-" + today + ".csv"));
    var body = response.body();
    assertTrue(body.startsWith("figure,value,count,of,definition\r\n"), body);
    assertTrue(body.contains("\r\ncontainment,0.6250,5,8,\"Conversations in which"), body);
    assertTrue(body.contains("\r\ntickets,3,,,\r\n"), body);
  }

  @Test
  void exports_articles_as_csv_one_row_per_article() {
    var body =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/agent/analytics/csv/articles?from=" + today)
                    .header("Authorization", basic()));

    var lines = body.split("\r\n");
    assertEquals("article,title,category,views,answers_shown,up,down,helpfulness", lines[0]);
    assertEquals("account-locked-out,Account locked out,accounts,2,3,2,0,0.5833", lines[1]);
  }

  @Test
  void refuses_anonymous_callers_and_bad_dates() {
    var anonymous =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(HttpRequest.GET("/api/agent/analytics/summary")));
    assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    var csv =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client.toBlocking().exchange(HttpRequest.GET("/api/agent/analytics/csv/summary")));
    assertEquals(HttpStatus.UNAUTHORIZED, csv.getStatus());
    var bad = assertThrows(HttpClientResponseException.class, () -> summary("?from=yesterday"));
    assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
    var unknown =
        assertThrows(
            HttpClientResponseException.class,
            () -> get("/api/agent/analytics/csv/nothing", String.class));
    assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
  }
}
