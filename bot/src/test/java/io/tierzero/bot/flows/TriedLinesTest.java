package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.ShippedFlows.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines of what was tried, as the person taking over reads them, for the shipped flows. */
class TriedLinesTest {
  private final TriedLines tried = new TriedLines(ShippedFlows.texts());
  private final Flow reset = ShippedFlows.flow("password-reset");
  private final FlowRun run = FlowRun.fresh(reset.id(), "login");

  @Test
  void an_answer_is_recorded_with_its_question_and_a_secret_or_code_only_as_given() {
    tried.answered(run, step(reset, "login", Step.Ask.class), "alice");
    tried.answered(run, step(reset, "code", Step.Ask.class), "123456");
    tried.answered(run, step(reset, "new_password", Step.Ask.class), "correct horse battery");

    assertEquals(
        List.of(
            "What is your username or work email address? -> alice",
            step(reset, "code", Step.Ask.class).text() + " -> (code given)",
            step(reset, "new_password", Step.Ask.class).text() + " -> (secret given)"),
        run.tried);
  }

  @Test
  void a_refused_answer_is_quoted_as_typed_and_a_refused_secret_is_not_shown() {
    var printer = ShippedFlows.flow("printer-not-printing");

    tried.rejected(run, step(printer, "queue_works", Step.Ask.class), "it's {0} 'maybe'");
    tried.rejected(run, step(reset, "new_password", Step.Ask.class), "short");

    assertEquals(
        List.of(
            "Did that page print? -> \"it's {0} 'maybe'\" (not accepted)",
            step(reset, "new_password", Step.Ask.class).text() + " -> (answer not accepted)"),
        run.tried);
  }

  @Test
  void a_long_refused_answer_is_cut() {
    var printer = ShippedFlows.flow("printer-not-printing");

    tried.rejected(run, step(printer, "queue_works", Step.Ask.class), "x".repeat(200));

    assertEquals(
        "Did that page print? -> \"" + "x".repeat(80) + "...\" (not accepted)", run.tried.get(0));
  }

  @Test
  void a_login_known_from_the_chat_platform_says_so() {
    tried.knownLogin(run, step(reset, "login", Step.Ask.class), "alice@example.com");

    assertEquals(
        List.of(
            "What is your username or work email address? -> alice@example.com (known from the"
                + " chat platform)"),
        run.tried);
  }

  @Test
  void actions_are_recorded_with_their_outcome() {
    tried.action(run, step(reset, "send", Step.Action.class), true, "");
    tried.action(run, step(reset, "check", Step.Action.class), false, "wrong");
    tried.interrupted(run, "set_password");

    assertEquals(
        List.of(
            "Action send_code: ok",
            "Action check_code: failed (wrong)",
            "Action set_password: interrupted, outcome unknown"),
        run.tried);
  }
}
