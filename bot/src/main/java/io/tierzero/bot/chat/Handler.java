package io.tierzero.bot.chat;

import java.util.List;

/**
 * One way of answering a user message. The {@link Dispatcher} asks handlers in {@code @Order} (see
 * {@link HandlerOrder}) and the first that can handle the message answers it, so a running flow can
 * take the turn before small talk, and the knowledge base answers what nothing else did.
 */
public interface Handler {
  /** Whether this handler answers the message; must be cheap and have no side effects. */
  boolean canHandle(TurnContext context);

  /** The replies, in the order to show them; at least one. */
  List<Reply> handle(TurnContext context);
}
