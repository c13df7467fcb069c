package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.ShippedFlows.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Step;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The password reset's login question, answered by a chat platform that knows the user. */
class KnownLoginAnswerTest {
  private final Flow reset = ShippedFlows.flow("password-reset");
  private final Step.Ask login = step(reset, "login", Step.Ask.class);
  private final FlowRun run = FlowRun.fresh(reset.id(), "login");

  private static KnownLoginAnswer platformKnows(String login) {
    return new KnownLoginAnswer(conversationId -> Optional.ofNullable(login));
  }

  @Test
  void the_first_time_the_login_question_comes_up_the_platforms_login_answers_it() {
    assertEquals(
        Optional.of("alice@example.com"), platformKnows("alice@example.com").to("c1", login, run));
  }

  @Test
  void asked_again_or_answered_before_the_user_is_asked() {
    var asked = FlowRun.fresh(reset.id(), "login");
    asked.asked.put("login", 1);
    var answered = FlowRun.fresh(reset.id(), "login");
    answered.keep("login", "bob");

    assertEquals(Optional.empty(), platformKnows("alice@example.com").to("c1", login, asked));
    assertEquals(Optional.empty(), platformKnows("alice@example.com").to("c1", login, answered));
  }

  @Test
  void no_login_in_the_widget_a_login_the_question_refuses_or_another_question_is_asked() {
    var code = step(reset, "code", Step.Ask.class);

    assertEquals(Optional.empty(), platformKnows(null).to("c1", login, run));
    assertEquals(Optional.empty(), platformKnows("alice smith@example.com").to("c1", login, run));
    assertEquals(Optional.empty(), platformKnows("123456").to("c1", code, run));
  }
}
