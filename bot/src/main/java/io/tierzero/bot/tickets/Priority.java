package io.tierzero.bot.tickets;

import io.micronaut.serde.annotation.Serdeable;

/** How urgent a ticket is; P1 is the most urgent. Stored and sent as {@code P1}..{@code P4}. */
@Serdeable
public enum Priority {
  /** Security or data risk: phishing, a compromised account, a lost or stolen device. */
  P1,
  /** Many people affected, or an outage. */
  P2,
  /** One person blocked from working. */
  P3,
  /** Everything else. */
  P4;

  /** The more urgent of the two; null counts as least urgent. */
  static Priority mostUrgent(Priority a, Priority b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}
