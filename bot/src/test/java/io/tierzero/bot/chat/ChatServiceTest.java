package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatServiceTest {
  private static Reply of(ReplyType type) {
    return new Reply(type, "", List.of(), List.of());
  }

  @Test
  void a_no_answer_extends_the_streak() {
    assertEquals(2, ChatService.streak(1, List.of(of(ReplyType.NO_ANSWER))));
  }

  @Test
  void an_answer_clarification_or_handoff_ends_the_streak() {
    assertEquals(0, ChatService.streak(1, List.of(of(ReplyType.ANSWER))));
    assertEquals(0, ChatService.streak(1, List.of(of(ReplyType.CLARIFY))));
    assertEquals(0, ChatService.streak(1, List.of(of(ReplyType.NO_ANSWER), of(ReplyType.HANDOFF))));
  }

  @Test
  void small_talk_leaves_the_streak_as_it_was() {
    assertEquals(1, ChatService.streak(1, List.of(of(ReplyType.TEXT))));
  }
}
