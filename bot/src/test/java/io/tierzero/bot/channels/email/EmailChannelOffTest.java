package io.tierzero.bot.channels.email;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.channels.ChannelAdapter;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Without an IMAP host the email channel is off: no poller, no adapter, whatever else is set. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailChannelOffTest implements TestPropertyProvider {
  @Inject ApplicationContext context;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    // Everything but the host: half a configuration must not start a poller against nothing.
    properties.put("tierzero.channels.email.username", "support");
    properties.put("tierzero.channels.email.password", "secret");
    properties.put("tierzero.channels.email.address", "support@example.com");
    properties.put("tierzero.channels.email.allowed-domains", "example.com");
    return properties;
  }

  @Test
  void there_is_no_mailbox_poller() {
    assertFalse(context.containsBean(MailboxPoller.class));
  }

  @Test
  void there_is_no_email_adapter_for_the_secret_page() {
    assertFalse(
        context.getBeansOfType(ChannelAdapter.class).stream()
            .anyMatch(a -> EmailAdapter.NAME.equals(a.name())));
    assertFalse(context.containsBean(ThreadReplies.class));
  }
}
