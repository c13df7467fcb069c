package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowChat.assertQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.ReplyType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An abandoned flow expires: the user's next message is a new question, not an answer to a step
 * asked long ago. Expiry is set to zero here, so "long ago" is every earlier turn and the test
 * needs no waiting.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbandonedFlowTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(FlowChat.properties());
    properties.put("tierzero.flows.expire-after", "0s");
    return properties;
  }

  @Test
  void the_next_message_after_an_expired_flow_is_a_new_question() {
    var chat = new FlowChat(client);
    assertQuestion(chat.last("the printer won't print"), "yes_no");

    var next = chat.last("thanks");

    // "thanks" would be an invalid answer to the yes/no step; after expiry it is small talk.
    assertEquals(ReplyType.TEXT, next.type(), next.text());
  }
}
