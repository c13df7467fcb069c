package io.tierzero.bot.flows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** The raced code cap on PostgreSQL, whose row locks and isolation differ from H2's. */
@RequiresPostgres
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeCapPostgresTest extends CodeCapTest {
  @Override
  public Map<String, String> getProperties() {
    return Postgres.instead(super.getProperties());
  }
}
