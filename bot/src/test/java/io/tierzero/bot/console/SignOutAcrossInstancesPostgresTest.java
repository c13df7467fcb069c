package io.tierzero.bot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.ConsoleForms;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances on one PostgreSQL schema with the same session secret: a session signed out on one
 * is refused by the other, and still after a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignOutAcrossInstancesPostgresTest {
  private static final String SECRET = "a-console-secret-shared-by-every-instance-0123456789";

  private String schema;
  private EmbeddedServer first;
  private EmbeddedServer second;

  @BeforeAll
  void start() {
    schema = Postgres.newSchema();
    first = ApplicationContext.run(EmbeddedServer.class, instance(), "test");
    second = ApplicationContext.run(EmbeddedServer.class, instance(), "test");
  }

  private Map<String, Object> instance() {
    var properties = new HashMap<String, Object>(AnalyticsTestApp.properties());
    properties.putAll(Postgres.properties(schema));
    properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET);
    return properties;
  }

  @AfterAll
  void stop() {
    if (first != null) first.getApplicationContext().close();
    if (second != null) second.getApplicationContext().close();
    Postgres.dropSchema(schema);
  }

  private static ConsoleForms forms(EmbeddedServer server) {
    return new ConsoleForms("http://127.0.0.1:" + server.getPort());
  }

  @Test
  void a_session_signed_out_on_one_instance_is_refused_by_the_other_and_after_a_restart() {
    var session = forms(first).signIn(AnalyticsTestApp.AGENT, AnalyticsTestApp.AGENT_PASSWORD);
    var page = forms(second).get("/console", session);
    assertEquals(200, page.statusCode(), "the other instance does not take the session");
    // The token made on one instance signs out on the other.
    var signedOut =
        forms(first)
            .post("/console/logout", Map.of("csrf", ConsoleForms.csrf(page.body())), session);
    assertEquals(303, signedOut.statusCode(), signedOut.body());

    assertEquals(
        303,
        forms(second).get("/console", session).statusCode(),
        "the other instance still takes a signed-out session");
    second.getApplicationContext().close();
    second = ApplicationContext.run(EmbeddedServer.class, instance(), "test");
    assertEquals(
        303, forms(second).get("/console", session).statusCode(), "a restart forgot the sign-out");
  }
}
