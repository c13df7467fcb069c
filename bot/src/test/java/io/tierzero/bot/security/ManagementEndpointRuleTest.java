package io.tierzero.bot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.TestApp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Micronaut's management endpoints over HTTP: by default only {@code /health} and {@code
 * /prometheus} exist and they are public; every other one is off (404). Turned on, each needs an
 * agent (401 anonymously, 403 for a signed-in user who is not an agent) and works for one.
 */
class ManagementEndpointRuleTest {
  private static final String AGENT = "dana";
  private static final String AGENT_PASSWORD = "agent-pass-123";
  private static final String VIEWER = "vic";
  private static final String VIEWER_PASSWORD = "viewer-pass-123";

  /** Every management endpoint Micronaut and its modules here offer, GET unless noted. */
  private static final List<String> GUARDED =
      List.of(
          "/beans",
          "/info",
          "/routes",
          "/loggers",
          "/loggers/io.tierzero.bot",
          "/env",
          "/env/tierzero",
          "/threaddump",
          "/flyway",
          "/metrics",
          "/metrics/jvm.memory.used",
          "/caches",
          "/liquibase");

  /**
   * The ones that change something; /stop would end the server, so only anonymous callers try it.
   */
  private static final List<String> GUARDED_POSTS = List.of("/refresh", "/stop");

  private static EmbeddedServer start(Map<String, Object> extra) {
    var properties = new HashMap<String, Object>(TestApp.properties());
    properties.put(
        "tierzero.security.agents." + AGENT + ".password-hash",
        PasswordHashes.hash(AGENT_PASSWORD.toCharArray(), 1000));
    properties.put(
        "tierzero.security.agents." + VIEWER + ".password-hash",
        PasswordHashes.hash(VIEWER_PASSWORD.toCharArray(), 1000));
    properties.put("tierzero.security.agents." + VIEWER + ".roles", List.of("viewer"));
    properties.putAll(extra);
    return ApplicationContext.run(EmbeddedServer.class, properties, "test");
  }

  private static int status(HttpClient client, MutableHttpRequest<?> request) {
    try {
      return client
          .toBlocking()
          .exchange(
              request.accept(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_PLAIN_TYPE),
              String.class)
          .getStatus()
          .getCode();
    } catch (HttpClientResponseException e) {
      return e.getStatus().getCode();
    }
  }

  private static Map<String, Integer> statuses(
      HttpClient client, Function<MutableHttpRequest<?>, MutableHttpRequest<?>> as, boolean posts) {
    var out = new java.util.TreeMap<String, Integer>();
    for (var path : GUARDED)
      out.put("GET " + path, status(client, as.apply(HttpRequest.GET(path))));
    if (posts)
      for (var path : GUARDED_POSTS)
        out.put("POST " + path, status(client, as.apply(HttpRequest.POST(path, "{}"))));
    return out;
  }

  @Test
  void by_default_only_health_and_prometheus_exist_and_they_are_public() {
    try (var server = start(Map.of());
        var client = HttpClient.create(server.getURL())) {
      assertEquals(200, status(client, HttpRequest.GET("/health")));
      assertEquals(200, status(client, HttpRequest.GET("/prometheus")));

      statuses(client, r -> r, true)
          .forEach(
              (call, status) ->
                  assertTrue(status == 401 || status == 404, call + " anonymously: " + status));
      statuses(client, r -> r.basicAuth(AGENT, AGENT_PASSWORD), false)
          .forEach((call, status) -> assertEquals(404, status, call + " as an agent: off"));
    }
  }

  @Test
  void turned_on_every_endpoint_needs_an_agent_and_works_for_one() {
    try (var server = start(Map.of("endpoints.all.enabled", "true"));
        var client = HttpClient.create(server.getURL())) {
      assertEquals(200, status(client, HttpRequest.GET("/health")));
      assertEquals(200, status(client, HttpRequest.GET("/prometheus")));

      var anonymous = statuses(client, r -> r, true);
      // Those a module here provides must be refused, not merely missing.
      for (var call :
          List.of(
              "GET /beans",
              "GET /info",
              "GET /routes",
              "GET /loggers",
              "GET /env",
              "GET /threaddump",
              "GET /flyway",
              "GET /metrics",
              "POST /refresh",
              "POST /stop")) {
        assertEquals(401, anonymous.get(call), call + " anonymously: " + anonymous);
      }
      anonymous.forEach(
          (call, status) -> assertTrue(status == 401 || status == 404, call + ": " + status));
      assertEquals(
          403, status(client, HttpRequest.GET("/routes").basicAuth(VIEWER, VIEWER_PASSWORD)));

      var agent = statuses(client, r -> r.basicAuth(AGENT, AGENT_PASSWORD), false);
      agent.forEach((call, status) -> assertTrue(status < 500, call + " as an agent: " + status));
      assertEquals(200, agent.get("GET /routes"), agent.toString());
      assertEquals(200, agent.get("GET /beans"), agent.toString());
      var routes =
          client.toBlocking().retrieve(HttpRequest.GET("/routes").basicAuth(AGENT, AGENT_PASSWORD));
      assertTrue(routes.contains("/api/conversations"), routes);
    }
  }
}
