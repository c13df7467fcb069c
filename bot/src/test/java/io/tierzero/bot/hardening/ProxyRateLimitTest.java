package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Rate limits behind a trusted proxy (this test's client, on loopback): the client is the rightmost
 * X-Forwarded-For entry that is not a proxy, whatever the client wrote left of it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyRateLimitTest implements TestPropertyProvider {
  static final int BURST = 5;
  static final int MAX_BUCKETS = 50;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put("tierzero.security.trusted-proxies", "127.0.0.1/32, ::1/128, 10.0.0.0/8");
    properties.put("tierzero.security.rate-limits.address-burst", Integer.toString(BURST));
    properties.put("tierzero.security.rate-limits.address-per-minute", "1");
    properties.put("tierzero.security.rate-limits.max-buckets", Integer.toString(MAX_BUCKETS));
    return properties;
  }

  private HttpStatus status(String path, String forwardedFor) {
    try {
      return client
          .toBlocking()
          .exchange(HttpRequest.GET(path).header("X-Forwarded-For", forwardedFor), String.class)
          .getStatus();
    } catch (HttpClientResponseException e) {
      return e.getStatus();
    }
  }

  @Test
  void rotating_the_made_up_part_of_the_header_does_not_escape_the_limit() {
    for (int i = 0; i < BURST; i++)
      assertEquals(HttpStatus.OK, status("/api/features", "192.0.2." + i + ", 203.0.113.50"));
    assertEquals(HttpStatus.TOO_MANY_REQUESTS, status("/api/features", "192.0.2.99, 203.0.113.50"));
    // A second trusted proxy (10.0.0.0/8) in the chain is skipped: the client is still .50.
    assertEquals(
        HttpStatus.TOO_MANY_REQUESTS,
        status("/api/features", "192.0.2.98, 203.0.113.50, 10.1.2.3"));
  }

  @Test
  void naming_a_victims_address_does_not_lock_the_victim_out() {
    for (int i = 0; i < BURST + 3; i++) status("/api/features", "198.51.100.7, 203.0.113.51");
    assertEquals(
        HttpStatus.TOO_MANY_REQUESTS, status("/api/features", "198.51.100.7, 203.0.113.51"));

    assertEquals(HttpStatus.OK, status("/api/features", "198.51.100.7"));
  }

  @Test
  void a_flood_of_new_addresses_does_not_reset_a_limited_client() {
    for (int i = 0; i < BURST; i++) status("/api/features", "203.0.113.52");
    assertEquals(HttpStatus.TOO_MANY_REQUESTS, status("/api/features", "203.0.113.52"));

    for (int i = 0; i < MAX_BUCKETS * 4; i++) {
      status("/api/features", "100.64." + (i / 250) + "." + (i % 250));
      if (i % 10 == 0)
        assertEquals(
            HttpStatus.TOO_MANY_REQUESTS,
            status("/api/features", "203.0.113.52"),
            "after " + i + " new addresses");
    }
  }

  @Test
  void knowledge_base_search_and_the_agents_api_are_limited_too() {
    for (int i = 0; i < BURST; i++)
      assertEquals(HttpStatus.OK, status("/kb?q=vpn", "203.0.113.53"));
    assertEquals(HttpStatus.TOO_MANY_REQUESTS, status("/kb?q=vpn", "203.0.113.53"));

    for (int i = 0; i < BURST; i++)
      assertEquals(HttpStatus.UNAUTHORIZED, status("/api/agent/tickets", "203.0.113.54"));
    assertEquals(HttpStatus.TOO_MANY_REQUESTS, status("/api/agent/tickets", "203.0.113.54"));
  }
}
