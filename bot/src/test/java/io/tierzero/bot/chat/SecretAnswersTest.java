package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.bot.conversations.ChatMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretAnswersTest {
  private static final Reply ASK_CODE = question(ReplyInput.CODE);
  private static final Reply ASK_SECRET = question(ReplyInput.SECRET);
  private static final Reply ASK_TEXT = question(ReplyInput.TEXT);
  private static final Reply ENDED =
      new Reply(ReplyType.FLOW_STEP, "Done.", List.of(), List.of(Options.THAT_WORKED));

  /** A conversation of user texts and bot replies, in order, as the store returns it. */
  private final List<ChatMessage> messages = new ArrayList<>();

  private final Map<String, Reply> replies = new HashMap<>();

  private SecretAnswersTest said(Object... turns) {
    for (var turn : turns) {
      var id = "m" + messages.size();
      if (turn instanceof Reply reply) {
        replies.put(id, reply);
        messages.add(
            new ChatMessage(
                id,
                "c",
                messages.size(),
                ChatMessage.BOT,
                reply.type().json(),
                reply.text(),
                null,
                Instant.EPOCH));
      } else {
        messages.add(
            new ChatMessage(
                id,
                "c",
                messages.size(),
                ChatMessage.USER,
                null,
                (String) turn,
                null,
                Instant.EPOCH));
      }
    }
    return this;
  }

  private String kept(String text) {
    return SecretAnswers.transcriptText(
        SecretAnswers.Recent.of(messages, m -> replies.get(m.id())), text);
  }

  private static Reply question(String input) {
    return new Reply(
        ReplyType.FLOW_STEP, "A question", List.of(), List.of(), null, new ReplyInput(input));
  }

  @Test
  void an_answer_to_a_secret_or_code_question_is_never_kept() {
    assertEquals(SecretAnswers.SECRET_GIVEN, said("reset", ASK_SECRET).kept("anything at all"));
    assertEquals(
        SecretAnswers.CODE_GIVEN,
        new SecretAnswersTest().said("reset", ASK_CODE).kept("what code?"));
  }

  @Test
  void a_password_typed_again_after_the_flow_ended_is_kept_as_a_secret_given() {
    said("reset", ASK_SECRET, "(secret given)", ENDED);
    assertEquals(SecretAnswers.SECRET_GIVEN, kept("Winter2026!"));
    assertEquals(SecretAnswers.SECRET_GIVEN, kept("correcthorsebatterystaple"));
    assertEquals("thanks!", kept("thanks!"));
    assertEquals("That worked", kept("That worked"));
    assertEquals("is it done now?", kept("is it done now?"));
    assertEquals("alice@example.com", kept("alice@example.com"));
  }

  @Test
  void an_answer_to_the_next_question_after_a_secret_is_kept() {
    said("reset", ASK_SECRET, "(secret given)", ASK_TEXT);
    assertEquals("Room-4B", kept("Room-4B"));
  }

  @Test
  void a_bare_code_is_hidden_for_three_messages_after_a_code_question_and_kept_later() {
    said("unlock", ASK_CODE, "(one-time code given)", ENDED);
    assertEquals(SecretAnswers.CODE_GIVEN, kept("493021"));
    assertEquals(SecretAnswers.CODE_GIVEN, kept("493 021"));
    said("hello", Reply.text("Hi"));
    assertEquals(SecretAnswers.CODE_GIVEN, kept("49302177"));
    said("what now", Reply.text("Ask me anything"));
    assertEquals("493021", kept("493021"), "three messages on, a number is a number again");
  }

  @Test
  void a_number_without_a_code_question_is_kept() {
    said("my order", Reply.text("Which order?"));
    assertEquals("493021", kept("493021"));
  }

  @Test
  void the_password_rule_is_only_for_the_message_right_after() {
    said("reset", ASK_SECRET, "(secret given)", ENDED, "thanks", Reply.text("You're welcome"));
    assertEquals("Winter2026!", kept("Winter2026!"));
  }
}
