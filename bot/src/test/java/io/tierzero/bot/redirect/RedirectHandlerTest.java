package io.tierzero.bot.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.TurnContext;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirect topics come from configuration: the defaults in application.yml plus one added here. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedirectHandlerTest implements TestPropertyProvider {
  @Inject RedirectHandler handler;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put("tierzero.redirect.topics.canteen.keywords", "canteen, lunch menu");
    properties.put("tierzero.redirect.topics.canteen.reply", "Ask the canteen team.");
    return properties;
  }

  private static TurnContext message(String text) {
    return TurnContext.of("c", text, 0, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"when do I get paid my salary", "How many holidays do I have left?", "my access card doesn't open the door", "where can I park, is there parking"})
  void redirects_non_it_questions_from_the_default_topics(String text) {
    assertTrue(handler.canHandle(message(text)), text);
  }

  @Test
  void a_configured_topic_answers_with_its_channel() {
    var replies = handler.handle(message("What's on the lunch menu today?"));
    assertEquals(1, replies.size());
    assertEquals(ReplyType.TEXT, replies.get(0).type());
    assertEquals("Ask the canteen team.", replies.get(0).text());
  }

  @Test
  void it_questions_are_left_to_the_knowledge_base() {
    for (var text : List.of("my account is locked", "vpn keeps disconnecting", "reset my password")) {
      assertFalse(handler.canHandle(message(text)), text);
    }
  }
}
