package io.tierzero.bot.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.chat.TurnContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmallTalkHandlerTest {
  private final SmallTalkHandler handler = new SmallTalkHandler();

  @ParameterizedTest
  @CsvSource({
    "Hello!, GREETING",
    "good morning, GREETING",
    "hi there, GREETING",
    "Thanks a lot, THANKS",
    "thank you, THANKS",
    "That worked, WORKED",
    "it worked thanks, WORKED",
    "problem solved, WORKED",
    "that didn't work, NOT_WORKED",
    "Let me rephrase, REPHRASE",
    "Something else, REPHRASE",
    "bye, BYE"
  })
  void recognises_small_talk(String text, SmallTalkHandler.Kind kind) {
    assertEquals(kind, SmallTalkHandler.classify(Texts.normalize(text)).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hi, my vpn drops every hour", "thanks but my printer still jams", "my account is locked"})
  void leaves_questions_to_the_knowledge_base(String text) {
    assertFalse(handler.canHandle(TurnContext.of("c", text, 0, null)), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {Options.THAT_WORKED, Options.REPHRASE, Options.SOMETHING_ELSE})
  void understands_its_own_quick_replies(String option) {
    assertTrue(handler.canHandle(TurnContext.of("c", option, 0, null)), option);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "thanks"})
  void answers_briefly_in_text(String text) {
    var reply = handler.handle(TurnContext.of("c", text, 0, null)).get(0);
    assertEquals(ReplyType.TEXT, reply.type());
    assertTrue(reply.text().length() < 200, reply.text());
  }
}
