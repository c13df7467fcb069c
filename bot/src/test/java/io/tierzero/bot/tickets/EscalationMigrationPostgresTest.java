package io.tierzero.bot.tickets;

import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** V53 on PostgreSQL, in a schema of its own, from the same rows of the old schema. */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationMigrationPostgresTest extends EscalationMigrationTest {
  private String schema;

  @Override
  String url() {
    schema = Postgres.newSchema();
    return Postgres.URL + (Postgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  String user() {
    return Postgres.USER;
  }

  @Override
  String password() {
    return Postgres.PASSWORD;
  }

  @AfterAll
  void dropSchema() {
    Postgres.dropSchema(schema);
  }
}
