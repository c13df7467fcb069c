package io.tierzero.bot.flows;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.TurnContext;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A flow the user is in takes their message before anything else. So does any answer to a secret or
 * code question, even when the flow has expired meanwhile: a password must never reach the
 * knowledge-base search or its logs.
 */
@Singleton
@Order(HandlerOrder.RUNNING_FLOW)
public final class FlowHandler implements Handler {
  private final FlowEngine engine;

  FlowHandler(FlowEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<Answer> take(TurnContext context) {
    var previous = context.previousReply();
    boolean answersSecret =
        previous != null && previous.input() != null && previous.input().sensitive();
    var running = engine.running(context.conversationId());
    if (!answersSecret && running.isEmpty()) return Optional.empty();
    return Optional.of(() -> engine.answer(context.conversationId(), running, context.text()));
  }
}
