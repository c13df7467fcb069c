package io.tierzero.bot.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.Application;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.security.PasswordHashes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The {@code prod} environment refuses to start while a production setting is missing, naming all
 * of them in one message; complete, it starts and answers. Elsewhere the same gaps are a warning.
 */
class ProductionGuardTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-console";

  /** Every production setting, as a deployment's configuration file would give them. */
  private static Map<String, Object> complete() {
    var properties = new HashMap<String, Object>(TestApp.properties());
    properties.put(ProductionSettings.CONSOLE_SECRET, SECRET);
    properties.put("tierzero.flows.code-pepper", "fedcba9876543210fedcba9876543210-pepper");
    // Nothing listens there: reaching the directory is the health check's business, not the
    // start's.
    properties.put("tierzero.directory.url", "ldap://127.0.0.1:1");
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put(
        "tierzero.security.agents.dana.password-hash",
        PasswordHashes.hash("agent-pass-123".toCharArray(), 1000));
    return properties;
  }

  private static MissingSettingsException refused(
      Map<String, Object> properties, String... environments) {
    var thrown =
        assertThrows(
            RuntimeException.class,
            () -> {
              try (var server =
                  ApplicationContext.run(EmbeddedServer.class, properties, environments)) {
                server.getPort();
              }
            });
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof MissingSettingsException missing) return missing;
    }
    throw new AssertionError("refused for another reason", thrown);
  }

  private static List<String> whats(MissingSettingsException e) {
    return e.missing().stream().map(MissingSetting::what).toList();
  }

  @Test
  void prod_with_nothing_configured_refuses_to_start_naming_every_missing_setting() {
    var e = refused(new HashMap<>(TestApp.properties()), Application.PROD_ENVIRONMENT);

    assertEquals(
        List.of("console signing secret", "code pepper", "directory URL", "mail host", "agents"),
        whats(e));
    for (var named :
        List.of(
            "TIERZERO_CONSOLE_SECRET",
            "TIERZERO_FLOWS_CODE_PEPPER",
            "TIERZERO_DIRECTORY_URL",
            "TIERZERO_MAIL_HOST",
            "tierzero.security.agents",
            "micronaut.security.oauth2.clients")) {
      assertTrue(e.report().contains(named), named + " in: " + e.report());
    }
  }

  @Test
  void prod_beside_the_demo_environment_refuses_its_embedded_servers() {
    var properties = complete();
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.port", "0");
    properties.remove("tierzero.directory.url");

    var e = refused(properties, Application.PROD_ENVIRONMENT, Application.DEMO_ENVIRONMENT);

    assertEquals(List.of("no demo servers", "directory URL"), whats(e));
    assertTrue(e.report().contains(Application.DEMO_ENVIRONMENT), e.report());
  }

  @Test
  void a_random_or_short_console_secret_does_not_count() {
    var properties = complete();
    properties.put(ProductionSettings.CONSOLE_SECRET, "${random.uuid}${random.uuid}");
    assertEquals(
        List.of("console signing secret"),
        whats(refused(properties, Application.PROD_ENVIRONMENT)));

    properties.put(ProductionSettings.CONSOLE_SECRET, "too-short");
    assertEquals(
        List.of("console signing secret"),
        whats(refused(properties, Application.PROD_ENVIRONMENT)));
  }

  @Test
  void an_openid_connect_client_instead_of_configured_agents_counts_as_agents() {
    var properties = complete();
    properties.remove("tierzero.security.agents.dana.password-hash");
    properties.put("micronaut.security.oauth2.clients.corp.client-id", "tierzero");
    try (var context =
        ApplicationContext.builder().environments("ops").properties(properties).build()) {
      context.getEnvironment().start();
      assertEquals(List.of(), new ProductionSettings(context.getEnvironment()).missing());
    }
  }

  @Test
  void single_sign_on_instead_of_configured_agents_counts_as_agents() {
    var properties = complete();
    properties.remove("tierzero.security.agents.dana.password-hash");
    properties.put("tierzero.console.oidc.issuer", "https://login.example.com/realms/staff");
    try (var context =
        ApplicationContext.builder().environments("ops").properties(properties).build()) {
      context.getEnvironment().start();
      assertEquals(List.of(), new ProductionSettings(context.getEnvironment()).missing());
    }
    // The report says how: single sign-on's own key.
    var e = refused(new HashMap<>(TestApp.properties()), Application.PROD_ENVIRONMENT);
    assertTrue(e.report().contains("tierzero.console.oidc.issuer"), e.report());
  }

  @Test
  void prod_with_every_setting_starts_and_answers() throws Exception {
    try (var server =
        ApplicationContext.run(EmbeddedServer.class, complete(), Application.PROD_ENVIRONMENT)) {
      assertTrue(server.isRunning());
      var response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.getPort() + "/api/conversations"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  BodyHandlers.ofString());
      assertEquals(2, response.statusCode() / 100, response.body());
    }
  }

  /**
   * In a "dev" environment only: Micronaut would otherwise add "test", where the guard is quiet.
   */
  private static ApplicationContext startOutsideTests(Map<String, Object> properties) {
    var context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .environments("dev")
            .properties(properties)
            .start();
    context.getBean(EmbeddedServer.class).start();
    return context;
  }

  @Test
  void outside_prod_and_the_demo_the_same_gaps_are_a_loud_warning_and_the_bot_starts() {
    var logger = (Logger) LoggerFactory.getLogger(ProductionGuard.class);
    var logs = new ListAppender<ILoggingEvent>();
    logs.start();
    logger.addAppender(logs);
    try (var context = startOutsideTests(new HashMap<>(TestApp.properties()))) {
      assertTrue(context.getBean(EmbeddedServer.class).isRunning());
    } finally {
      logger.detachAppender(logs);
    }
    var warnings =
        logs.list.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertEquals(1, warnings.size(), warnings.toString());
    for (var what :
        List.of("console signing secret", "code pepper", "directory URL", "mail host", "agents")) {
      assertTrue(warnings.get(0).contains(what), what + " in: " + warnings.get(0));
    }

    logs.list.clear();
    logger.addAppender(logs);
    try (var context = startOutsideTests(complete())) {
      assertTrue(context.getBean(EmbeddedServer.class).isRunning());
    } finally {
      logger.detachAppender(logs);
    }
    assertFalse(logs.list.stream().anyMatch(e -> e.getLevel() == Level.WARN), logs.list.toString());
  }
}
