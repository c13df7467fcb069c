package io.tierzero.bot.pages;

import static io.tierzero.bot.analytics.AnalyticsTestApp.basic;
import static io.tierzero.bot.analytics.AnalyticsTestApp.send;
import static io.tierzero.bot.analytics.AnalyticsTestApp.start;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a user types reaches the pages as text, never as markup: a chat question with a script tag
 * shows escaped on the agents' console, a search for one on the knowledge-base page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateEscapingTest implements TestPropertyProvider {
  private static final String HOSTILE = "<script>alert(1)</script> the scanner jams";

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  @BeforeAll
  void a_user_asks_with_a_script_tag() {
    send(client, start(client), HOSTILE);
    send(client, start(client), HOSTILE);
  }

  private String page(String path) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET(path).header("Authorization", basic()).accept(MediaType.TEXT_HTML));
  }

  @Test
  void a_question_with_a_script_tag_shows_as_text_on_the_console() {
    for (var path : new String[] {"/console/gaps", "/console"}) {
      var page = page(path);
      assertTrue(
          page.contains("&lt;script&gt;alert(1)&lt;/script&gt; the scanner jams"),
          path + ": " + page);
      assertFalse(page.contains("<script>alert"), path + ": " + page);
    }
  }

  @Test
  void a_search_with_a_script_tag_shows_as_text_on_the_knowledge_base_page() {
    var page = page(UriBuilder.of("/kb").queryParam("q", HOSTILE).toString());

    assertTrue(
        page.contains(
            "<title>Search: &lt;script&gt;alert(1)&lt;/script&gt; the scanner jams · Tier"
                + " Zero</title>"),
        page);
    // In an attribute "<" and quotes are what must not pass; ">" cannot end a quoted value.
    assertTrue(page.contains("value=\"&lt;script"), page);
    assertFalse(page.contains("<script>alert"), page);
  }
}
