package io.tierzero.bot.tickets;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Postgres;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The same on PostgreSQL, in a schema of its own. */
@MicronautTest(transactional = false, environments = io.tierzero.bot.Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketLookupPostgresTest extends TicketLookupTest {
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
