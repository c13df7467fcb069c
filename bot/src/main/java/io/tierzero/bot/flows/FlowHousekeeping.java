package io.tierzero.bot.flows;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import io.tierzero.bot.identity.Verification;
import jakarta.inject.Singleton;

/** Deletes abandoned flows once expired and codes older than a day. */
@Singleton
class FlowHousekeeping {
  private final FlowStates states;
  private final Verification verification;

  FlowHousekeeping(FlowStates states, Verification verification) {
    this.states = states;
    this.verification = verification;
  }

  @Scheduled(fixedDelay = "5m", initialDelay = "1m")
  @Transactional
  void purge() {
    states.purgeExpired();
    verification.purge();
  }
}
