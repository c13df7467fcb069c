package io.tierzero.bot.tickets;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * The same console and API work on PostgreSQL, in a schema of its own: the assignee filter (a null
 * column matched through coalesce), the history and the outbox rows per change. Skipped when
 * PostgreSQL is unreachable, failed instead when {@code TIERZERO_REQUIRE_POSTGRES=true}.
 */
@RequiresPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentActionsPostgresTest extends AgentActionsTest {
  @Override
  public Map<String, String> getProperties() {
    return Postgres.instead(super.getProperties());
  }
}
