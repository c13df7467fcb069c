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
}
