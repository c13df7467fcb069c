package io.tierzero.bot.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One guided fix run as analytics keeps it ({@code flow_run}).
 *
 * @param steps the steps reached, in order, as a JSON array ({@value #STEPS})
 */
@MappedEntity("flow_run")
record FlowRunRecord(
    @Id String id,
    String conversationId,
    String flowId,
    String steps,
    String stepId,
    String outcome,
    int actionsOk,
    int actionsFailed,
    @Nullable String userKey,
    Instant startedAt,
    Instant updatedAt) {
  static final String RUNNING = "running";

  /** The JSON column of {@link #steps}, as errors name it. */
  static final String STEPS = "flow_run.steps";
}
