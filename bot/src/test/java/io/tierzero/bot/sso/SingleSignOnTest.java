package io.tierzero.bot.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.ConsoleForms;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server, on its own port): the
 * console's sign-in follows the authorization-code redirects over HTTP as a browser would, and the
 * agents' API takes the provider's bearer tokens, checked against its published keys.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTest implements TestPropertyProvider {
  static final String CLIENT_ID = "tierzero-console";
  static final String GROUP = "it-agents";
  static final String ISSUER_ID = "staff";

  final MockOAuth2Server provider = new MockOAuth2Server();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    provider.start();
    var properties = new HashMap<>(AnalyticsTestApp.properties());
    properties.put("tierzero.console.oidc.issuer", provider.issuerUrl(ISSUER_ID).toString());
    properties.put("tierzero.console.oidc.client-id", CLIENT_ID);
    properties.put("tierzero.console.oidc.client-secret", "a client secret");
    properties.put("tierzero.console.oidc.agent-group", GROUP);
    return properties;
  }

  @AfterAll
  void stopProvider() {
    provider.shutdown();
  }

  @Test
  void an_agent_signs_in_to_the_console_through_the_provider() throws Exception {
    provider.enqueueCallback(person("ana", List.of("staff", GROUP)));
    var browser = new Browser();

    var landing = browser.signIn();

    assertEquals("/console", URI.create(landing.uri().toString()).getPath());
    assertEquals(200, landing.response().statusCode(), landing.response().body());
    assertTrue(landing.response().body().contains("Containment"), landing.response().body());
    // The session is the console's own cookie, not the provider's tokens.
    var cookie =
        browser.cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("JWT"))
            .findFirst();
    assertTrue(cookie.isPresent(), browser.cookies.getCookieStore().getCookies().toString());
    assertTrue(cookie.get().isHttpOnly());
  }

  @Test
  void a_single_sign_on_session_has_an_id_and_signing_out_ends_it() throws Exception {
    provider.enqueueCallback(person("ana", List.of(GROUP)));
    var browser = new Browser();
    browser.signIn();
    var session = "JWT=" + browser.cookie("JWT").orElseThrow();
    assertNotNull(
        SignedJWT.parse(session.substring(4)).getJWTClaimsSet().getJWTID(),
        "the session token names its session");

    var forms = new ConsoleForms(server.getURL().toString());
    var overview = forms.get("/console", session);
    assertEquals(200, overview.statusCode(), overview.headers().map().toString());
    var signOut =
        forms.post("/console/logout", Map.of("csrf", ConsoleForms.csrf(overview.body())), session);
    assertEquals(
        "/console/login?signed-out=1",
        signOut.headers().firstValue("Location").orElse(""),
        signOut.statusCode() + " " + signOut.body());

    assertEquals(
        303,
        forms.get("/console", session).statusCode(),
        "a copy of the cookie is refused after signing out");
  }

  @Test
  void an_id_token_without_a_token_id_still_signs_an_agent_in() throws Exception {
    // Not every provider puts a jti in its ID tokens (Entra ID does not); the console's own
    // session token gets one of its own either way.
    var claims =
        new HashMap<String, Object>(Map.of("preferred_username", "ana", "groups", List.of(GROUP)));
    claims.put("jti", null);
    var callback = new DefaultOAuth2TokenCallback(ISSUER_ID, "ana", "JWT", null, claims);
    assertNull(
        provider.issueToken(ISSUER_ID, CLIENT_ID, callback).getJWTClaimsSet().getJWTID(),
        "the provider leaves the jti out");
    provider.enqueueCallback(callback);
    var browser = new Browser();

    var landing = browser.signIn();

    assertEquals("/console", landing.uri().getPath());
    assertEquals(200, landing.response().statusCode(), landing.response().body());
  }

  @Test
  void password_sign_in_through_the_console_form_still_works_beside_single_sign_on() {
    var forms = new ConsoleForms(server.getURL().toString());

    var session = forms.signIn(AnalyticsTestApp.AGENT, AnalyticsTestApp.AGENT_PASSWORD);

    assertEquals(200, forms.get("/console", session).statusCode());
  }

  @Test
  void a_person_outside_the_agent_group_is_refused_with_the_reason() throws Exception {
    provider.enqueueCallback(person("bob", List.of("staff")));
    var browser = new Browser();

    var landing = browser.signIn();

    assertEquals(SingleSignOnConfiguration.REFUSED_PATH, landing.uri().getPath());
    var page = landing.response().body();
    assertTrue(
        page.contains("not in the agents&#39; group (" + GROUP + ")")
            || page.contains("not in the agents' group (" + GROUP + ")"),
        page);
    assertTrue(
        browser.cookies.getCookieStore().getCookies().stream()
            .noneMatch(c -> c.getName().equals("JWT")));
    var console = browser.get(URI.create(server.getURL() + "/console"));
    assertEquals(303, console.statusCode());
    assertTrue(
        console.headers().firstValue("Location").orElse("").endsWith("/console/login"),
        console.headers().map().toString());
  }

  @Test
  void the_sign_in_form_offers_single_sign_on_next_to_passwords() throws Exception {
    var form = new Browser().get(URI.create(server.getURL() + "/console/login")).body();

    assertTrue(form.contains("href=\"/oauth/login/sso\""), form);
    assertTrue(form.contains("name=\"password\""), form);
  }

  @Test
  void the_agents_api_accepts_a_bearer_token_of_an_agent() throws Exception {
    var token =
        provider
            .issueToken(ISSUER_ID, "ana", CLIENT_ID, Map.of("groups", List.of(GROUP)))
            .serialize();

    assertEquals(200, api(token).statusCode());
  }

  @Test
  void the_agents_api_accepts_a_bearer_token_without_a_token_id() throws Exception {
    var token =
        providerSigned(
            Map.of(
                "iss",
                provider.issuerUrl(ISSUER_ID).toString(),
                "sub",
                "ana",
                "aud",
                CLIENT_ID,
                "groups",
                List.of(GROUP)));
    assertNull(token.getJWTClaimsSet().getJWTID());

    assertEquals(200, api(token.serialize()).statusCode());
  }

  @Test
  void the_agents_api_refuses_a_provider_signed_token_that_claims_to_be_a_console_session()
      throws Exception {
    // Our issuer and an agent role, with a jti, but signed with the provider's key, not the console
    // secret.
    var token =
        providerSigned(
            Map.of(
                "iss",
                "tierzero-bot",
                "sub",
                "mallory",
                "roles",
                List.of("agent"),
                "jti",
                "a made-up session"));

    assertEquals(401, api(token.serialize()).statusCode());
  }

  @Test
  void the_agents_api_refuses_a_token_without_the_agent_group() throws Exception {
    var token =
        provider
            .issueToken(ISSUER_ID, "bob", CLIENT_ID, Map.of("groups", List.of("staff")))
            .serialize();

    assertEquals(401, api(token).statusCode());
  }

  @Test
  void the_agents_api_refuses_a_token_from_another_issuer() throws Exception {
    // Same provider, another issuer: a token a different service trusts must not work here.
    var token =
        provider
            .issueToken("elsewhere", "ana", CLIENT_ID, Map.of("groups", List.of(GROUP)))
            .serialize();

    assertEquals(401, api(token).statusCode());
  }

  @Test
  void the_agents_api_refuses_a_token_meant_for_another_audience() throws Exception {
    var token =
        provider
            .issueToken(ISSUER_ID, "ana", "payroll", Map.of("groups", List.of(GROUP)))
            .serialize();

    assertEquals(401, api(token).statusCode());
  }

  @Test
  void password_sign_in_still_works_beside_single_sign_on() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/api/agent/analytics/summary"))
                    .header("Authorization", AnalyticsTestApp.basic())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
  }

  private HttpResponse<String> api(String token) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/api/agent/analytics/summary"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A token with exactly these claims (and iat, nbf, exp), signed with the provider's key for the
   * issuer.
   */
  private SignedJWT providerSigned(Map<String, Object> claims) {
    return provider.getConfig().getTokenProvider().jwt(claims, Duration.ofMinutes(5), ISSUER_ID);
  }

  private static DefaultOAuth2TokenCallback person(String name, List<String> groups) {
    return new DefaultOAuth2TokenCallback(
        ISSUER_ID, name, "JWT", null, Map.of("preferred_username", name, "groups", groups));
  }

  /**
   * Cookies and redirects by hand, so each hop is visible: bot, provider, bot's callback, console.
   */
  final class Browser {
    /** A page that moves on by itself, as browsers follow it. */
    static final Pattern REFRESH =
        Pattern.compile("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\">");

    final CookieManager cookies = new CookieManager();
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Optional<String> cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals(name))
          .map(c -> c.getValue())
          .findFirst();
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Starts at the sign-in button's link and follows every redirect; the last page and where it
     * is.
     */
    Landing signIn() throws IOException, InterruptedException {
      var uri = URI.create(server.getURL() + SingleSignOnConfiguration.LOGIN_PATH);
      var hops = 0;
      var sawProvider = false;
      while (true) {
        var response = get(uri);
        var location = response.headers().firstValue("Location");
        var refresh = REFRESH.matcher(response.body());
        if (response.statusCode() == 200 && refresh.find())
          location = Optional.of(refresh.group(1).replace("&amp;", "&"));
        else if (response.statusCode() / 100 != 3 || location.isEmpty()) {
          assertTrue(sawProvider, "the sign-in never went through the provider");
          return new Landing(uri, response);
        }
        uri = uri.resolve(location.get());
        sawProvider |= uri.getPort() == provider.baseUrl().port();
        assertFalse(++hops > 10, "too many redirects, at " + uri);
      }
    }
  }

  record Landing(URI uri, HttpResponse<String> response) {}
}
