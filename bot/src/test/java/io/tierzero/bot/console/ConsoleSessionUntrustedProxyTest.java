package io.tierzero.bot.console;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.ConsoleForms;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Without trusted proxies, a client's own {@code X-Forwarded-Proto} changes nothing about the
 * cookie.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSessionUntrustedProxyTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  @Test
  void x_forwarded_proto_from_an_untrusted_address_is_ignored() {
    var forms = new ConsoleForms("http://127.0.0.1:" + server.getPort());
    var page = forms.signInPage();
    var response =
        forms.post(
            "/console/login",
            Map.of(
                "username",
                AnalyticsTestApp.AGENT,
                "password",
                AnalyticsTestApp.AGENT_PASSWORD,
                "csrf",
                page.token()),
            page.cookie(),
            Map.of("X-Forwarded-Proto", "https"));
    var cookie =
        ConsoleForms.setCookieHeader(response, "JWT")
            .orElseThrow(() -> new AssertionError(response.headers().map().toString()));
    assertFalse(cookie.toLowerCase().contains("secure"), cookie);
  }
}
