package io.tierzero.bot.tickets;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** The same on PostgreSQL, in a schema of its own. */
@RequiresPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketStatusInChatPostgresTest extends TicketStatusInChatTest {
  @Override
  public Map<String, String> getProperties() {
    return Postgres.instead(super.getProperties());
  }
}
