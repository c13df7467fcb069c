package io.tierzero.bot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.ConsoleForms;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Console form posts from another site (or a {@code null} origin) are refused before sign-in or
 * sign-out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleOriginTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return TicketsTestApp.properties();
  }

  private HttpResponse<String> post(String path, String origin, Map<String, String> fields) {
    var forms = new ConsoleForms("http://127.0.0.1:" + server.getPort());
    var page = forms.signInPage();
    var withToken = new HashMap<>(fields);
    withToken.put("csrf", page.token());
    return forms.post(
        path, withToken, page.cookie(), origin == null ? Map.of() : Map.of("Origin", origin));
  }

  /** The sign-in form with its token: only the Origin decides. */
  private Map<String, String> login() {
    return Map.of("username", TicketsTestApp.AGENT, "password", TicketsTestApp.AGENT_PASSWORD);
  }

  @Test
  void foreign_and_null_origins_are_refused_on_login_and_logout() {
    for (var origin :
        new String[] {"https://evil.example", "null", "http://127.0.0.1.evil.example", "file://"}) {
      var signIn = post("/console/login", origin, login());
      assertEquals(403, signIn.statusCode(), origin + ": " + signIn.headers().map());
      assertTrue(signIn.headers().allValues("Set-Cookie").isEmpty(), origin + " got a cookie");
      assertEquals(403, post("/console/logout", origin, Map.of()).statusCode(), origin);
    }
  }

  @Test
  void the_consoles_own_origin_and_no_origin_sign_in() {
    var own = post("/console/login", "http://127.0.0.1:" + server.getPort(), login());
    assertEquals(
        "/console",
        own.headers().firstValue("Location").orElse(""),
        own.statusCode() + " " + own.headers().map());
    assertTrue(
        own.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JWT=")),
        own.headers().map().toString());
    var none = post("/console/login", null, login());
    assertEquals(
        "/console",
        none.headers().firstValue("Location").orElse(""),
        none.statusCode() + " " + none.headers().map());
  }
}
