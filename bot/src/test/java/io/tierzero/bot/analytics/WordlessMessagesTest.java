package io.tierzero.bot.analytics;

import static io.tierzero.bot.analytics.AnalyticsTestApp.basic;
import static io.tierzero.bot.analytics.AnalyticsTestApp.send;
import static io.tierzero.bot.analytics.AnalyticsTestApp.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Messages with no word in them ("???", "...", an emoji, invisible characters) are answered, are
 * not content gaps, and leave every console page and analytics report working.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordlessMessagesTest implements TestPropertyProvider {
  static final List<String> WORDLESS =
      List.of(
          "???", "...", "\uD83D\uDE42", "\uD83D\uDE42\uFE0F", "\u200B", "!!", "\u00A0", "\u0301");

  @Inject
  @Client("/")
  HttpClient client;

  @Inject QuestionGroups groups;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  @BeforeAll
  void seed() {
    for (var text : WORDLESS) {
      var conversation = start(client);
      var replies = send(client, conversation, text);
      assertFalse(replies.isEmpty(), text);
      send(client, conversation, text);
    }
    send(client, start(client), "the projector shows no picture");
  }

  @Test
  void every_console_page_and_report_answers_200() {
    var paths =
        new ArrayList<>(List.of("/console", "/console/gaps", "/console/flows", "/console/tickets"));
    for (var report :
        List.of("summary", "days", "articles", "tickets", "flows", "gaps", "incidents"))
      paths.add("/api/agent/analytics/" + report);
    for (var report : CsvReports.NAMES) paths.add("/api/agent/analytics/csv/" + report);
    var failed = new ArrayList<String>();
    for (var path : paths) {
      try {
        var response =
            client
                .toBlocking()
                .exchange(HttpRequest.GET(path).header("Authorization", basic()), String.class);
        if (response.getStatus() != HttpStatus.OK) failed.add(path + " " + response.getStatus());
      } catch (HttpClientResponseException e) {
        failed.add(
            path + " " + e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""));
      }
    }
    assertTrue(failed.isEmpty(), String.join("\n", failed));
  }

  @Test
  void a_wordless_message_is_not_a_content_gap() {
    var gaps =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/agent/analytics/gaps").header("Authorization", basic()),
                String.class);
    assertTrue(gaps.contains("the projector shows no picture"), gaps);
    for (var text : List.of("???", "...", "!!"))
      assertFalse(gaps.contains("\"" + text + "\""), gaps);
  }

  @Test
  void grouping_tolerates_wordings_without_words() {
    // As rows stored before wordless messages stopped being questions would be.
    var grouped =
        groups.group(
            List.of("???", "", "\uD83D\uDE42", "vpn is down", "the vpn is down", "\u200B"),
            Function.identity());
    assertEquals(grouped.stream().mapToInt(List::size).sum(), 6);
    assertTrue(
        grouped.stream().anyMatch(g -> g.contains("vpn is down") && g.contains("the vpn is down")),
        grouped.toString());
    assertTrue(
        grouped.stream().noneMatch(g -> g.contains("vpn is down") && g.contains("???")),
        grouped.toString());
  }
}
