package io.tierzero.bot.channels.slack;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import io.tierzero.bot.Postgres;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * The same on PostgreSQL, in a schema of its own: a retried event's duplicate key, a thread's
 * conversation and its feedback behave there as on H2.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class SlackChannelPostgresTest extends SlackChannelTest {
  private String schema;

  @Override
  public Map<String, String> getProperties() {
    schema = Postgres.newSchema();
    var properties = new HashMap<>(super.getProperties());
    properties.putAll(Postgres.properties(schema));
    return properties;
  }

  @AfterAll
  void dropSchema() {
    Postgres.dropSchema(schema);
  }
}
