package io.tierzero.bot.flows;

import io.tierzero.kb.flow.Step;
import jakarta.inject.Singleton;

/**
 * The run's record of what was tried, one line per answer or action, for the person it may be
 * handed to (the ticket, the plain handoff). A secret or a code is never in it, only that one was
 * given.
 */
@Singleton
final class TriedLines {
  private final FlowTexts texts;

  TriedLines(FlowTexts texts) {
    this.texts = texts;
  }

  /** An accepted answer to {@code ask}. */
  void answered(FlowRun run, Step.Ask ask, String value) {
    var question = FlowTemplates.render(ask.text(), run);
    run.tried.add(
        switch (ask.input()) {
          case SECRET -> texts.get("flows.tried.secret-given", question);
          case CODE -> texts.get("flows.tried.code-given", question);
          default -> texts.get("flows.tried.answer", question, value);
        });
  }

  /** An answer to {@code ask} that was not accepted, shortened; a sensitive one is not shown. */
  void rejected(FlowRun run, Step.Ask ask, String text) {
    var question = FlowTemplates.render(ask.text(), run);
    run.tried.add(
        ask.input().sensitive()
            ? texts.get("flows.tried.secret-not-accepted", question)
            : texts.get("flows.tried.not-accepted", question, FlowAnswers.abbreviate(text)));
  }

  /** The login question answered by the chat platform's identity of the user. */
  void knownLogin(FlowRun run, Step.Ask ask, String login) {
    run.tried.add(
        texts.get("flows.tried.known-login", FlowTemplates.render(ask.text(), run), login));
  }

  /** What the action of {@code step} came to; {@code detail} is a failure's reason. */
  void action(FlowRun run, Step.Action step, boolean ok, String detail) {
    run.tried.add(
        ok
            ? texts.get("flows.tried.action-ok", step.action())
            : texts.get("flows.tried.action-failed", step.action(), detail));
  }

  /** An action that never reported back, so whether it took effect is unknown. */
  void interrupted(FlowRun run, String action) {
    run.tried.add(texts.get("flows.tried.action-interrupted", action));
  }
}
