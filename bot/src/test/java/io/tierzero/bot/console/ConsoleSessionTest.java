package io.tierzero.bot.console;

import static io.tierzero.bot.ConsoleForms.setCookieHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.ConsoleForms;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Console sessions over real HTTP: signing out ends the session on the server, so its cookie is
 * refused afterwards; the session cookie is {@code Secure} when TLS ends at a trusted proxy.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSessionTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  ConsoleForms forms;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(AnalyticsTestApp.properties());
    // The test's own connections come from loopback: here they stand for the proxy's.
    properties.put("tierzero.security.trusted-proxies", "127.0.0.1/32,::1/128");
    return properties;
  }

  @BeforeEach
  void client() {
    forms = new ConsoleForms("http://127.0.0.1:" + server.getPort());
  }

  @Test
  void a_session_cookie_captured_before_sign_out_is_refused_after_it() throws Exception {
    var session = forms.signIn(AnalyticsTestApp.AGENT, AnalyticsTestApp.AGENT_PASSWORD);
    var overview = forms.get("/console", session);
    assertEquals(200, overview.statusCode(), overview.headers().map().toString());

    var signOut =
        forms.post("/console/logout", Map.of("csrf", ConsoleForms.csrf(overview.body())), session);
    assertEquals(
        "/console/login?signed-out=1",
        signOut.headers().firstValue("Location").orElse(""),
        signOut.statusCode() + " " + signOut.body());

    var replayed = forms.get("/console", session);
    assertEquals(303, replayed.statusCode(), replayed.body());
    assertEquals("/console/login", replayed.headers().firstValue("Location").orElse(""));
    var api =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/api/agent/tickets"))
                    .header("Cookie", session)
                    .header("Accept", "application/json")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(401, api.statusCode(), api.body());
  }

  @Test
  void signing_out_ends_only_that_session() {
    var first = forms.signIn(AnalyticsTestApp.AGENT, AnalyticsTestApp.AGENT_PASSWORD);
    var second = forms.signIn(AnalyticsTestApp.AGENT, AnalyticsTestApp.AGENT_PASSWORD);
    var page = forms.get("/console", first).body();
    assertEquals(
        303,
        forms.post("/console/logout", Map.of("csrf", ConsoleForms.csrf(page)), first).statusCode());
    assertEquals(200, forms.get("/console", second).statusCode());
    assertEquals(303, forms.get("/console", first).statusCode());
  }

  @Test
  void the_session_cookie_is_secure_when_a_trusted_proxy_says_the_client_used_https() {
    var page = forms.signInPage();
    var fields =
        Map.of(
            "username",
            AnalyticsTestApp.AGENT,
            "password",
            AnalyticsTestApp.AGENT_PASSWORD,
            "csrf",
            page.token());
    var viaTls =
        forms.post("/console/login", fields, page.cookie(), Map.of("X-Forwarded-Proto", "https"));
    var cookie =
        setCookieHeader(viaTls, "JWT")
            .orElseThrow(() -> new AssertionError(viaTls.headers().map().toString()));
    assertTrue(cookie.toLowerCase().contains("; secure"), cookie);
    assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);

    var plain =
        forms.post("/console/login", fields, page.cookie(), Map.of("X-Forwarded-Proto", "http"));
    var plainCookie =
        setCookieHeader(plain, "JWT")
            .orElseThrow(() -> new AssertionError(plain.headers().map().toString()));
    assertFalse(plainCookie.toLowerCase().contains("secure"), plainCookie);
  }
}
