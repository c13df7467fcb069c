package io.tierzero.bot.flows;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * The flow a conversation is in, as stored: any instance can continue it after a restart.
 *
 * @param stepId the question the flow waits on
 * @param data {@link FlowRun.Data} as JSON; never a secret or a one-time code
 */
@MappedEntity("flow_state")
public record FlowState(
    @Id String conversationId,
    String flowId,
    String stepId,
    String data,
    Instant startedAt,
    Instant updatedAt,
    Instant expiresAt) {}
