package io.tierzero.bot.chat;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * What a turn has to do outside its database transaction: a flow's call to the directory or the
 * mail server may take seconds, and must not hold the conversation's lock and a pooled connection
 * meanwhile. A handler leaves the call here; the turn then commits what it has (the user's message,
 * the replies so far, where the flow stopped), runs {@link SideEffect#run()} with no transaction,
 * and {@link SideEffect#resume()} in a new one with the conversation locked again. Kept per thread:
 * only the thread running the turn takes what its handler left.
 */
@Singleton
public final class SideEffects {
  /** The call, and what the turn does once it returned. */
  public interface SideEffect {
    /** Runs with no transaction open; keeps its outcome for {@link #resume()}. */
    void run();

    /** The turn's next replies, in the next transaction; may leave another side effect. */
    List<Reply> resume();
  }

  private final ThreadLocal<SideEffect> left = new ThreadLocal<>();

  /** Leaves {@code effect} for after the current transaction; one per transaction. */
  public void defer(SideEffect effect) {
    if (left.get() != null) throw new IllegalStateException("a side effect is already waiting");
    left.set(effect);
  }

  /** Whether a handler of this thread's turn left a side effect. */
  boolean waiting() {
    return left.get() != null;
  }

  /** What a handler of this thread's turn left, once; empty when nothing. */
  Optional<SideEffect> take() {
    var effect = Optional.ofNullable(left.get());
    left.remove();
    return effect;
  }
}
