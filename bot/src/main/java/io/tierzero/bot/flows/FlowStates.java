package io.tierzero.bot.flows;

import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.json.JsonColumns;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where each conversation's flow stopped, stored between turns so that any instance can take the
 * next one. What it stores is {@link FlowRun.Data}: never a secret.
 */
@Singleton
class FlowStates {
  private final FlowStateRepository states;
  private final FlowsConfiguration config;
  private final ObjectMapper json;
  private final Clock clock;

  FlowStates(
      FlowStateRepository states, FlowsConfiguration config, ObjectMapper json, Clock clock) {
    this.states = states;
    this.config = config;
    this.json = json;
    this.clock = clock;
  }

  /** The flow this conversation is in, unless it was abandoned long enough to expire. */
  Optional<FlowState> running(String conversationId) {
    return states.findById(conversationId).filter(s -> s.expiresAt().isAfter(now()));
  }

  /** Forgets the conversation's flow, expired or not. */
  void forget(String conversationId) {
    states.findById(conversationId).ifPresent(states::delete);
  }

  void forget(FlowState state) {
    states.delete(state);
  }

  /** The run as stored in {@code state}. */
  FlowRun.Data data(FlowState state) {
    return JsonColumns.read(json, "flow_state.data", state.data(), FlowRun.Data.class);
  }

  /**
   * Stores where the run stopped when it waits ({@code open}), or deletes the state when it ended;
   * {@code previous} is the state the turn started from, null for a new run. Returns the stored
   * state, or null when there is none now.
   */
  FlowState save(String conversationId, FlowRun run, boolean open, FlowState previous) {
    if (!open) {
      if (previous != null || states.existsById(conversationId)) states.deleteById(conversationId);
      return null;
    }
    var now = now();
    var state =
        new FlowState(
            conversationId,
            run.flowId,
            run.stepId,
            JsonColumns.write(json, "flow_state.data", run.data()),
            previous == null ? now : previous.startedAt(),
            now,
            now.plus(config.expireAfter()));
    if (previous != null || states.existsById(conversationId)) states.update(state);
    else states.save(state);
    return state;
  }

  /** Abandoned flows: their state is deleted once expired. */
  void purgeExpired() {
    states.deleteByExpiresAtLessThan(now());
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
