package io.tierzero.bot.flows;

import io.tierzero.kb.flow.InputType;
import io.tierzero.kb.flow.Step;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Answers a flow's login question with the user's identity on the chat platform ({@link
 * KnownLogins}), the first time it comes up in a run: asked again (a wrong code, "go back"), the
 * user may name another account, so it is asked then.
 */
@Singleton
final class KnownLoginAnswer {
  private final KnownLogins known;

  KnownLoginAnswer(KnownLogins known) {
    this.known = known;
  }

  /** The login to take as the answer to {@code ask}; empty when the user is to be asked. */
  Optional<String> to(String conversationId, Step.Ask ask, FlowRun run) {
    if (!KnownLogins.LOGIN_STEP.equals(ask.id()) || ask.input() != InputType.TEXT)
      return Optional.empty();
    if (run.askedCount(ask.id()) > 0 || run.values.containsKey(ask.id())) return Optional.empty();
    return known.login(conversationId).filter(l -> FlowAnswers.matches(ask, l));
  }
}
