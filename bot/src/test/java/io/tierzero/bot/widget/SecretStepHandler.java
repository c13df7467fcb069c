package io.tierzero.bot.widget;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.TurnContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A two-step scripted exchange for the browser test: a question that expects a secret, then a reply
 * to the answer. Only in the test that enables it, so the widget's masked input is tested without
 * depending on which flows the knowledge base ships.
 */
@Singleton
@Order(HandlerOrder.RUNNING_FLOW - 1)
@Requires(property = SecretStepHandler.ENABLED, value = "true")
final class SecretStepHandler implements Handler {
  static final String ENABLED = "tierzero.test.secret-step";
  static final String TRIGGER = "test the secret step";
  static final String QUESTION = "Type your current password.";

  @Override
  public boolean canHandle(TurnContext context) {
    return context.text().equals(TRIGGER) || asksSecret(context.previousReply());
  }

  @Override
  public List<Reply> handle(TurnContext context) {
    if (asksSecret(context.previousReply())) {
      return List.of(Reply.text("Thanks, that is checked."));
    }
    return List.of(
        new Reply(
            ReplyType.FLOW_STEP,
            QUESTION,
            List.of(),
            List.of(),
            null,
            new ReplyInput(ReplyInput.SECRET)));
  }

  /** Its own question only: the real flows in the same test answer theirs. */
  private static boolean asksSecret(Reply previous) {
    return previous != null
        && previous.input() != null
        && ReplyInput.SECRET.equals(previous.input().type())
        && QUESTION.equals(previous.text());
  }
}
