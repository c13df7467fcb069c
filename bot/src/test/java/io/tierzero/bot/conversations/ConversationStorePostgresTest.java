package io.tierzero.bot.conversations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import io.tierzero.bot.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The conversation store on PostgreSQL, in a schema of its own (Flyway migrates it from empty).
 * Skipped when PostgreSQL is unreachable, failed instead when {@code
 * TIERZERO_REQUIRE_POSTGRES=true}.
 */
@RequiresPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationStorePostgresTest extends ConversationStoreContract
    implements TestPropertyProvider {
  private String schema;

  @Override
  public Map<String, String> getProperties() {
    schema = Postgres.newSchema();
    var properties = new HashMap<>(TestApp.properties());
    properties.putAll(Postgres.properties(schema));
    return properties;
  }

  @AfterAll
  void dropSchema() {
    Postgres.dropSchema(schema);
  }
}
