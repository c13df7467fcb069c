package io.tierzero.bot.chat;

import java.util.List;
import java.util.Optional;

/**
 * One way of answering a user message. The {@link Dispatcher} asks handlers in {@code @Order} (see
 * {@link HandlerOrder}) and the first that takes the message answers it, so a running flow can take
 * the turn before small talk, and the knowledge base answers what nothing else did.
 *
 * <p>Implement {@link #take}, or {@link #canHandle} and {@link #handle}. A handler that reads rows
 * to decide (a flow's state, a ticket) implements {@code take}: its {@link Answer} keeps what the
 * decision read, so answering does not read it again.
 */
public interface Handler {
  /**
   * The answer this handler gives to the message, decided once; empty when it does not take the
   * message. Deciding must have no side effects; the answer may have them (a flow's step, a note).
   */
  default Optional<Answer> take(TurnContext context) {
    return canHandle(context) ? Optional.of(() -> handle(context)) : Optional.empty();
  }

  /** Whether this handler answers the message; must be cheap and have no side effects. */
  default boolean canHandle(TurnContext context) {
    return take(context).isPresent();
  }

  /** The replies, in the order to show them; at least one. */
  default List<Reply> handle(TurnContext context) {
    return take(context).orElseThrow().replies();
  }

  /** A decision to answer, with what it read to get there. */
  @FunctionalInterface
  interface Answer {
    /** The replies, in the order to show them; at least one. */
    List<Reply> replies();
  }
}
