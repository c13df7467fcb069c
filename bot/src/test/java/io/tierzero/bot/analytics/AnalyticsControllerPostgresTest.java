package io.tierzero.bot.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * The same seeded set and hand-computed figures on PostgreSQL, in a schema of its own: the
 * feedback, analytics and flow-run SQL runs on both databases. Skipped when PostgreSQL is
 * unreachable, failed instead when {@code TIERZERO_REQUIRE_POSTGRES=true}.
 */
@RequiresPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsControllerPostgresTest extends AnalyticsControllerTest {
  @Override
  public Map<String, String> getProperties() {
    return Postgres.instead(super.getProperties());
  }
}
