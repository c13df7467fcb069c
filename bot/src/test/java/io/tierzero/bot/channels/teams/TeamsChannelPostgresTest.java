package io.tierzero.bot.channels.teams;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import io.tierzero.bot.Postgres;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * The same on PostgreSQL, in a schema of its own: a redelivered activity's duplicate key, a chat's
 * conversation and its feedback behave there as on H2.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class TeamsChannelPostgresTest extends TeamsChannelTest {
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
