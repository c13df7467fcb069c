package io.tierzero.bot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.ConsoleForms;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every console form needs its CSRF token, also when the post has no {@code Origin} (which the
 * Origin check lets through): sign-in and sign-out without it, with a made-up one or with one from
 * another browser or session are refused with 403 and change nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleCsrfTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  ConsoleForms forms;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  @BeforeEach
  void client() {
    forms = new ConsoleForms("http://127.0.0.1:" + server.getPort());
  }

  private Map<String, String> credentials(String csrf) {
    var fields =
        new HashMap<>(
            Map.of(
                "username", AnalyticsTestApp.AGENT, "password", AnalyticsTestApp.AGENT_PASSWORD));
    if (csrf != null) fields.put("csrf", csrf);
    return fields;
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertEquals(403, response.statusCode(), response.headers().map() + " " + response.body());
    assertTrue(response.body().contains("reload the page and send it again"), response.body());
    assertTrue(
        ConsoleForms.setCookie(response, "JWT").isEmpty(),
        "a refused post set a session: " + response.headers().map());
  }

  @Test
  void sign_in_without_a_token_or_with_a_wrong_one_is_refused() {
    var page = forms.signInPage();
    var other = forms.signInPage();
    assertRefused(forms.post("/console/login", credentials(null), page.cookie()));
    assertRefused(forms.post("/console/login", credentials(""), page.cookie()));
    // One character changed (never to itself: a token may start with any letter).
    var altered = (page.token().charAt(0) == 'x' ? "y" : "x") + page.token().substring(1);
    assertRefused(forms.post("/console/login", credentials(altered), page.cookie()));
    // The attacker's own page and token, posted from the victim's browser (the victim's cookie).
    assertRefused(forms.post("/console/login", credentials(other.token()), page.cookie()));
    // A token with no sign-in cookie at all, as a post from another site's page arrives.
    assertRefused(forms.post("/console/login", credentials(page.token()), null));

    var signedIn = forms.post("/console/login", credentials(page.token()), page.cookie());
    assertEquals(
        "/console",
        signedIn.headers().firstValue("Location").orElse(""),
        signedIn.statusCode() + " " + signedIn.body());
  }

  @Test
  void sign_out_without_this_sessions_token_is_refused_and_the_session_goes_on() {
    var session = forms.signIn(AnalyticsTestApp.AGENT, AnalyticsTestApp.AGENT_PASSWORD);
    var another = forms.signIn(AnalyticsTestApp.AGENT, AnalyticsTestApp.AGENT_PASSWORD);
    var anotherToken = ConsoleForms.csrf(forms.get("/console", another).body());
    var token = ConsoleForms.csrf(forms.get("/console/tickets", session).body());

    assertRefused(forms.post("/console/logout", Map.of(), session));
    assertRefused(forms.post("/console/logout", Map.of("csrf", "made-up"), session));
    assertRefused(forms.post("/console/logout", Map.of("csrf", anotherToken), session));
    assertEquals(
        200, forms.get("/console", session).statusCode(), "a refused sign-out ended the session");

    var signedOut = forms.post("/console/logout", Map.of("csrf", token), session);
    assertEquals(
        "/console/login?signed-out=1",
        signedOut.headers().firstValue("Location").orElse(""),
        signedOut.statusCode() + " " + signedOut.body());
  }

  @Test
  void every_console_page_carries_the_sessions_token_in_its_forms() {
    var session = forms.signIn(AnalyticsTestApp.AGENT, AnalyticsTestApp.AGENT_PASSWORD);
    var tokens = new java.util.HashSet<String>();
    for (var path :
        new String[] {
          "/console",
          "/console/tickets",
          "/console/gaps",
          "/console/flows",
          "/console/tickets/T-999999"
        }) {
      var page = forms.get(path, session).body();
      var postForms = page.split("method=\"post\"", -1).length - 1;
      var fields = page.split("name=\"csrf\"", -1).length - 1;
      assertEquals(postForms, fields, path + ": a post form without a CSRF field");
      tokens.add(ConsoleForms.csrf(page));
    }
    assertEquals(1, tokens.size(), "one token per session: " + tokens);
  }
}
