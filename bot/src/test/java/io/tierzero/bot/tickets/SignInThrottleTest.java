package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.ConsoleForms;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Guessing agents' passwords: after a few failures, sign-in is refused for a while, the right
 * password too.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottleTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TicketsTestApp.properties());
    properties.put("tierzero.security.agents.bob.password-hash", TicketsTestApp.AGENT_HASH);
    properties.put("tierzero.security.agents.bob.roles", "agent");
    properties.put("tierzero.security.sign-in.address-failures", "1000");
    return properties;
  }

  private HttpResponse<String> api(String user, String password) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getPort() + "/api/agent/tickets"))
            .header("Authorization", basic(user, password))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> form(String user, String password) {
    var forms = new ConsoleForms("http://127.0.0.1:" + server.getPort());
    var page = forms.signInPage();
    return forms.post(
        "/console/login",
        Map.of("username", user, "password", password, "csrf", page.token()),
        page.cookie());
  }

  @Test
  void basic_guesses_are_refused_with_429_after_five_failures_even_with_the_right_password()
      throws Exception {
    assertEquals(200, api(AGENT, AGENT_PASSWORD).statusCode());
    for (int i = 0; i < 5; i++) assertEquals(401, api(AGENT, "guess-" + i).statusCode());
    var refused = api(AGENT, AGENT_PASSWORD);
    assertEquals(429, refused.statusCode(), refused.body());
    var retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 200 && retryAfter <= 301, "Retry-After " + retryAfter);
    assertTrue(refused.body().contains("\"message\""), refused.body());
    // An unknown name is throttled the same way, so a refusal tells nothing about who exists.
    for (int i = 0; i < 5; i++) assertEquals(401, api("nobody-here", "guess-" + i).statusCode());
    assertEquals(429, api("nobody-here", "guess").statusCode());
  }

  @Test
  void console_form_guesses_get_a_plain_message() throws Exception {
    for (int i = 0; i < 5; i++) {
      var failed = form("bob", "guess-" + i);
      assertTrue(
          failed.headers().firstValue("Location").orElse("").contains("error=1"),
          failed.headers().map().toString());
    }
    var refused = form("bob", AGENT_PASSWORD);
    var location = refused.headers().firstValue("Location").orElse("");
    assertTrue(location.contains("error=throttled"), refused.statusCode() + " " + location);
    var page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + location))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(
        page.body().contains("Too many failed sign-ins. Try again in 5 minutes."), page.body());
  }
}
