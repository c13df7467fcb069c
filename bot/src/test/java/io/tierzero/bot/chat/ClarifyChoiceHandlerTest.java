package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClarifyChoiceHandlerTest {
  private static final ArticleLink LOCKED =
      new ArticleLink(
          "account-locked-out", "Account locked out", "", "/kb/account-locked-out", 0.6);
  private static final ArticleLink RESET =
      new ArticleLink(
          "reset-forgotten-password",
          "Reset a forgotten password",
          "",
          "/kb/reset-forgotten-password",
          0.55);
  private static final Reply CLARIFY =
      new Reply(
          ReplyType.CLARIFY,
          "Which one?",
          List.of(LOCKED, RESET),
          List.of(LOCKED.title(), RESET.title()));

  private final ClarifyChoiceHandler handler =
      new ClarifyChoiceHandler(new ResourceBundleMessageSource("i18n.chat"));

  @Test
  void choosing_a_title_answers_with_that_article() {
    var context = TurnContext.of("c1", "Reset a forgotten password", 0, CLARIFY);

    assertTrue(handler.canHandle(context));
    var reply = handler.handle(context).get(0);
    assertEquals(ReplyType.ANSWER, reply.type());
    assertEquals(List.of(RESET), reply.articles());
  }

  @Test
  void typing_the_number_of_a_choice_works_too() {
    var reply = handler.handle(TurnContext.of("c1", "1", 0, CLARIFY)).get(0);
    assertEquals(List.of(LOCKED), reply.articles());
  }

  @Test
  void other_text_after_a_clarifying_question_is_left_to_other_handlers() {
    assertFalse(handler.canHandle(TurnContext.of("c1", "my printer is jammed", 0, CLARIFY)));
  }

  @Test
  void a_title_without_a_clarifying_question_before_it_is_left_to_other_handlers() {
    var answer = new Reply(ReplyType.ANSWER, "Here", List.of(LOCKED), List.of());
    assertFalse(handler.canHandle(TurnContext.of("c1", "Account locked out", 0, answer)));
    assertFalse(handler.canHandle(TurnContext.of("c1", "Account locked out", 0, null)));
  }
}
