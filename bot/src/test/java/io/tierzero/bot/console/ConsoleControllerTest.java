package io.tierzero.bot.console;

import static io.tierzero.bot.analytics.AnalyticsTestApp.basic;
import static io.tierzero.bot.analytics.AnalyticsTestApp.send;
import static io.tierzero.bot.analytics.AnalyticsTestApp.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console's pages over HTTP: who may see them, and the content gap's article draft. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleControllerTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  @BeforeAll
  void seed() {
    send(client, start(client), "the projector shows no picture");
    send(client, start(client), "the projector shows no picture");
    send(client, start(client), "projector in the meeting room has no image");
  }

  private String page(String path) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET(path).header("Authorization", basic()).accept(MediaType.TEXT_HTML));
  }

  @Test
  void an_anonymous_browser_is_sent_to_the_sign_in_form() {
    var noRedirects = HttpRequest.GET("/console").accept(MediaType.TEXT_HTML);
    var response = client.toBlocking().exchange(noRedirects, String.class);
    // The client follows the redirect: what arrives is the sign-in form, not the overview.
    assertTrue(response.body().contains("name=\"password\""), response.body());
    assertFalse(response.body().contains("Containment"));
  }

  @Test
  void an_anonymous_api_client_gets_401_from_console_pages() {
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        HttpRequest.GET("/console/tickets").accept(MediaType.APPLICATION_JSON)));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }

  @Test
  void a_content_gap_gets_a_markdown_draft_with_its_wordings_as_questions() {
    var gaps = page("/console/gaps");
    var link =
        Pattern.compile("href=\"(/console/gaps/[0-9a-f]{12}/draft\\?[^\"]+)\"").matcher(gaps);
    assertTrue(link.find(), gaps);
    var draftPage = page(link.group(1).replace("&amp;", "&"));
    assertTrue(draftPage.contains("<textarea"), draftPage);

    var markdown = page(link.group(1).replace("&amp;", "&").replace("/draft?", "/draft.md?"));

    assertTrue(markdown.startsWith("---\nid: the-projector-shows-no-picture\n"), markdown);
    assertTrue(markdown.contains("\ntitle: \"The projector shows no picture\"\n"), markdown);
    // Nothing in the fixture is about projectors: the draft still names a folder that exists
    // (the nearest article's), for the agent to change.
    var category = Pattern.compile("\ncategory: ([a-z-]+)\n").matcher(markdown);
    assertTrue(category.find(), markdown);
    assertTrue(
        java.util.Set.of("accounts", "email", "mfa", "network").contains(category.group(1)),
        markdown);
    assertTrue(markdown.contains("\nupdated: " + LocalDate.now(ZoneOffset.UTC) + "\n"), markdown);
    assertTrue(
        markdown.contains(
            "\n"
                + "questions:\n"
                + "  - \"the projector shows no picture\"\n"
                + "  - \"projector in the meeting room has no image\"\n"
                + "---\n"),
        markdown);
    assertTrue(markdown.contains("\ntags: [projector, "), markdown);
    assertTrue(markdown.contains("asked 3 times in 3 conversations"), markdown);
  }

  @Test
  void console_pages_and_reports_are_not_cached() {
    for (var path : new String[] {"/console", "/api/agent/analytics/summary"}) {
      var response =
          client
              .toBlocking()
              .exchange(HttpRequest.GET(path).header("Authorization", basic()), String.class);
      assertEquals("no-store", response.header("Cache-Control"), path);
    }
  }

  @Test
  void returns_404_for_an_unknown_ticket_or_gap() {
    var ticket =
        assertThrows(HttpClientResponseException.class, () -> page("/console/tickets/T-999999"));
    assertEquals(HttpStatus.NOT_FOUND, ticket.getStatus());
    var gap =
        assertThrows(
            HttpClientResponseException.class, () -> page("/console/gaps/000000000000/draft"));
    assertEquals(HttpStatus.NOT_FOUND, gap.getStatus());
  }
}
