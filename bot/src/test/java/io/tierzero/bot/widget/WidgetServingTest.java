package io.tierzero.bot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The widget's script, the demo home page, the features probe and the CORS allowlist over HTTP. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetServingTest implements TestPropertyProvider {
  static final String ALLOWED = "http://127.0.0.1:9001";

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put(
        "micronaut.server.cors.configurations.widget.allowed-origins",
        ALLOWED + ",http://127.0.0.1:9002");
    return properties;
  }

  @Test
  void the_widget_script_is_served_as_javascript() {
    var response = client.toBlocking().exchange("/widget/tierzero-chat.js", String.class);

    assertEquals(HttpStatus.OK, response.getStatus());
    assertTrue(
        response.getContentType().orElseThrow().toString().contains("javascript"),
        response.getContentType().toString());
    assertTrue(response.body().contains("customElements.define(TAG, TierZeroChat)"));
  }

  @Test
  void the_home_page_embeds_the_widget_and_links_to_the_articles() {
    var page = client.toBlocking().retrieve("/");

    assertTrue(page.contains("<script src=\"/widget/tierzero-chat.js\" defer></script>"), page);
    assertTrue(page.contains("<tierzero-chat"), page);
    assertTrue(page.contains("href=\"/kb\""), page);
  }

  @Test
  void features_say_whether_the_feedback_route_exists() {
    var json = client.toBlocking().retrieve("/api/features");

    assertTrue(json.matches("\\{\"feedback\":(true|false)}"), json);
  }

  @Test
  void an_allowed_origin_may_call_the_chat_api_from_its_pages() {
    var preflight =
        client
            .toBlocking()
            .exchange(
                HttpRequest.OPTIONS("/api/conversations/x/messages")
                    .header(HttpHeaders.ORIGIN, ALLOWED)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .header(
                        HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
                        "content-type,x-conversation-token"));

    assertEquals(HttpStatus.OK, preflight.getStatus());
    assertEquals(ALLOWED, preflight.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    assertNull(
        preflight.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS),
        "no cookies: the token is a header");
  }

  @Test
  void any_other_origin_is_refused() {
    var refused =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        HttpRequest.OPTIONS("/api/conversations")
                            .header(HttpHeaders.ORIGIN, "http://127.0.0.1:9999")
                            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")));

    assertTrue(refused.getStatus().getCode() >= 400, refused.getStatus().toString());
    assertFalse(
        refused.getResponse().getHeaders().contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
  }
}
