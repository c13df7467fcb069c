package io.tierzero.bot.conversations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** The conversation store on the embedded default: an H2 file in PostgreSQL mode. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationStoreH2Test extends ConversationStoreContract implements TestPropertyProvider {
  @Override
  public Map<String, String> getProperties() {
    return TestApp.properties();
  }
}
