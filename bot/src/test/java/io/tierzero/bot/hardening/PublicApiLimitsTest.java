package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rate limits, size limits and security headers over real HTTP. Refill is one token a minute, so an
 * empty bucket stays empty for the test; each test sends from its own client address through {@code
 * X-Forwarded-For}, which also shows the proxy setting is honoured.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicApiLimitsTest implements TestPropertyProvider {
  private static final String TOKEN = "X-Conversation-Token";
  private static final int ADDRESS_BURST = 12;
  private static final int CONVERSATION_BURST = 3;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put("tierzero.security.trusted-proxies", "127.0.0.1/32,::1/128");
    properties.put("tierzero.security.rate-limits.address-burst", Integer.toString(ADDRESS_BURST));
    properties.put("tierzero.security.rate-limits.address-per-minute", "1");
    properties.put(
        "tierzero.security.rate-limits.conversation-burst", Integer.toString(CONVERSATION_BURST));
    properties.put("tierzero.security.rate-limits.conversation-per-minute", "1");
    properties.put(
        "tierzero.security.headers.frame-ancestors", "'self' https://intranet.example.com");
    return properties;
  }

  private StartedConversation start(String address) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST("/api/conversations", "").header("X-Forwarded-For", address),
            StartedConversation.class);
  }

  private HttpRequest<?> message(StartedConversation conversation, String address, Object body) {
    return HttpRequest.POST("/api/conversations/" + conversation.id() + "/messages", body)
        .header(TOKEN, conversation.token())
        .header("X-Forwarded-For", address)
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private HttpClientResponseException fails(HttpRequest<?> request) {
    return assertThrows(
        HttpClientResponseException.class,
        () -> client.toBlocking().exchange(request, String.class));
  }

  private static void assertJsonError(HttpClientResponseException e) {
    var body = e.getResponse().getBody(String.class).orElse("");
    assertTrue(
        e.getResponse().getContentType().map(t -> t.getSubtype().contains("json")).orElse(false),
        "JSON error: " + e.getResponse().getContentType());
    assertTrue(body.contains("\"message\""), body);
  }

  @Test
  void a_conversation_sending_faster_than_its_limit_gets_429_with_retry_after() {
    var address = "203.0.113.1";
    var conversation = start(address);
    for (int i = 0; i < CONVERSATION_BURST; i++) {
      var ok =
          client
              .toBlocking()
              .exchange(message(conversation, address, Map.of("text", "hello")), String.class);
      assertEquals(HttpStatus.OK, ok.getStatus());
    }

    var limited = fails(message(conversation, address, Map.of("text", "hello")));

    assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
    var retryAfter = Long.parseLong(limited.getResponse().header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertJsonError(limited);
    // Another conversation from the same address is not held back by this one.
    var other = start(address);
    assertEquals(
        HttpStatus.OK,
        client
            .toBlocking()
            .exchange(message(other, address, Map.of("text", "hello")), String.class)
            .getStatus());
  }

  @Test
  void a_client_address_over_its_limit_gets_429_and_other_addresses_do_not() {
    var address = "203.0.113.2";
    for (int i = 0; i < ADDRESS_BURST; i++) {
      var ok =
          client
              .toBlocking()
              .exchange(
                  HttpRequest.GET("/api/features").header("X-Forwarded-For", address),
                  String.class);
      assertEquals(HttpStatus.OK, ok.getStatus());
    }

    var limited =
        fails(HttpRequest.POST("/api/conversations", "").header("X-Forwarded-For", address));

    assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
    assertTrue(Long.parseLong(limited.getResponse().header("Retry-After")) >= 1);
    assertJsonError(limited);
    start("203.0.113.3");
  }

  @Test
  void a_body_over_the_size_limit_is_413_before_it_is_read() {
    var address = "203.0.113.4";
    var conversation = start(address);
    var huge = "{\"text\":\"" + "a".repeat(20_000) + "\"}";

    var tooLarge = fails(message(conversation, address, huge));

    assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge.getStatus());
    assertJsonError(tooLarge);
  }

  @Test
  void a_message_over_the_text_limit_is_400_with_a_clear_message() {
    var address = "203.0.113.5";
    var conversation = start(address);

    var tooLong = fails(message(conversation, address, Map.of("text", "a".repeat(2001))));

    assertEquals(HttpStatus.BAD_REQUEST, tooLong.getStatus());
    assertJsonError(tooLong);
    assertTrue(tooLong.getResponse().getBody(String.class).orElse("").contains("at most 2000"));
  }

  @Test
  void pages_and_api_responses_carry_security_headers_with_the_configured_frame_ancestors() {
    for (var path : new String[] {"/", "/kb", "/api/features"}) {
      HttpResponse<String> response =
          client
              .toBlocking()
              .exchange(
                  HttpRequest.GET(path).header("X-Forwarded-For", "203.0.113.6"), String.class);
      var csp = response.header("Content-Security-Policy");
      assertTrue(csp != null && csp.contains("script-src 'self'"), path + ": " + csp);
      assertTrue(
          csp.contains("frame-ancestors 'self' https://intranet.example.com"), path + ": " + csp);
      assertTrue(csp.contains("object-src 'none'"), path + ": " + csp);
      assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
      assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"), path);
    }
  }

  @Test
  void error_responses_carry_security_headers_too() {
    var missing =
        fails(
            HttpRequest.GET("/api/articles/no-such-article")
                .header("X-Forwarded-For", "203.0.113.7"));

    assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    assertEquals("nosniff", missing.getResponse().header("X-Content-Type-Options"));
    assertTrue(missing.getResponse().header("Content-Security-Policy").contains("frame-ancestors"));
  }
}
