package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoffHandlerTest {
  private final HandoffHandler handler =
      new HandoffHandler(new ChatConfiguration("Call the desk.", 2, 3, 0.6));

  @ParameterizedTest
  @ValueSource(strings = {"Talk to a person", "I want a human", "can I speak to someone?", "raise a ticket please", "get me an agent"})
  void recognises_requests_for_a_person(String text) {
    assertTrue(handler.canHandle(TurnContext.of("c", text, 0, null)), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"someone sent me a strange email", "my account is locked", "who is in human resources"})
  void leaves_problems_that_mention_people_alone(String text) {
    assertFalse(handler.canHandle(TurnContext.of("c", text, 0, null)), text);
  }

  @Test
  void answers_with_the_configured_handoff_text() {
    var reply = handler.handle(TurnContext.of("c", "a human please", 0, null)).get(0);
    assertEquals(ReplyType.HANDOFF, reply.type());
    assertEquals("Call the desk.", reply.text());
  }
}
