package io.tierzero.bot.channels.teams;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import java.util.Map;

/**
 * The same on PostgreSQL, in a schema of its own: a redelivered activity's duplicate key, a chat's
 * conversation and its feedback behave there as on H2.
 */
@RequiresPostgres
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class TeamsChannelPostgresTest extends TeamsChannelTest {
  @Override
  public Map<String, String> getProperties() {
    return Postgres.instead(super.getProperties());
  }
}
