package io.tierzero.bot.tickets;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * The same notes, closes, deliveries and browser tickets on PostgreSQL, in a schema of its own.
 * Skipped when PostgreSQL is unreachable, failed instead when {@code
 * TIERZERO_REQUIRE_POSTGRES=true}.
 */
@RequiresPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketsInChatPostgresTest extends TicketsInChatTest {
  @Override
  public Map<String, String> getProperties() {
    return Postgres.instead(super.getProperties());
  }
}
