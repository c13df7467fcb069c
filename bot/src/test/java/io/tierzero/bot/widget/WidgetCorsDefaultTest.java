package io.tierzero.bot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CORS allowlist as shipped (no TIERZERO_WIDGET_ORIGINS): only the default origin, never "any",
 * which is what Micronaut would make of a list that failed to parse or was left empty.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetCorsDefaultTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return TestApp.properties();
  }

  private HttpRequest<?> preflight(String origin) {
    return HttpRequest.OPTIONS("/api/conversations")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type");
  }

  @Test
  void the_default_allowlist_is_the_bots_default_address() {
    var response = client.toBlocking().exchange(preflight("http://localhost:8080"));

    assertEquals(HttpStatus.OK, response.getStatus());
    assertEquals(
        "http://localhost:8080",
        response.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
  }

  @Test
  void by_default_no_other_site_may_call_the_api() {
    var refused =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(preflight("http://127.0.0.1:9001")));

    assertTrue(refused.getStatus().getCode() >= 400, refused.getStatus().toString());
    assertFalse(
        refused.getResponse().getHeaders().contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
  }
}
