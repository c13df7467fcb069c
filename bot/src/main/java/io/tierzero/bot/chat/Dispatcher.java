package io.tierzero.bot.chat;

import io.micronaut.core.order.OrderUtil;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Gives each message to the first handler, in order, that takes it. */
@Singleton
public final class Dispatcher {
  private final List<Handler> handlers;
  private final SideEffects sideEffects;

  public Dispatcher(List<Handler> handlers) {
    this(handlers, new SideEffects());
  }

  @Inject
  Dispatcher(List<Handler> handlers, SideEffects sideEffects) {
    if (handlers.isEmpty()) throw new IllegalArgumentException("handlers must not be empty");
    var sorted = new ArrayList<>(handlers);
    OrderUtil.sort(sorted);
    this.handlers = List.copyOf(sorted);
    this.sideEffects = sideEffects;
  }

  public List<Reply> dispatch(TurnContext context) {
    for (var handler : handlers) {
      var answer = handler.take(context);
      if (answer.isPresent()) {
        var replies = answer.get().replies();
        // A flow may have nothing to say before its action, which answers once it has run.
        if (replies.isEmpty() && !sideEffects.waiting()) {
          throw new IllegalStateException(handler.getClass().getName() + " answered nothing");
        }
        return replies;
      }
    }
    throw new IllegalStateException(
        "No handler for the message; the knowledge base handler is the catch-all");
  }

  /** The handlers in the order they are asked, for tests and diagnostics. */
  public List<Handler> handlers() {
    return handlers;
  }
}
