package io.tierzero.bot.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Without an issuer nothing of single sign-on is there: passwords work as they always did. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnOffTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject ApplicationContext context;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void no_provider_no_sign_in_link_no_oauth_routes() throws Exception {
    assertTrue(context.getBeansOfType(OauthClientConfiguration.class).isEmpty());
    var form = get("/console/login").body();
    assertTrue(form.contains("name=\"password\""), form);
    assertFalse(form.contains("/oauth/login"), form);
    assertEquals(404, get("/oauth/login/sso").statusCode());
    assertFalse(get("/console/sso-refused").body().contains("agents' group"));
  }
}
