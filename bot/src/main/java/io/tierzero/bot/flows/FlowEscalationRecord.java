package io.tierzero.bot.flows;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A flow that ended in {@code escalate}, kept on the conversation for the person who takes over.
 *
 * @param stepId the step the user reached
 * @param context {@link FlowEscalation.Context} as JSON: non-secret answers and action outcomes
 */
@MappedEntity("flow_escalation")
public record FlowEscalationRecord(
    @Id String id,
    String conversationId,
    String flowId,
    String stepId,
    @Nullable String category,
    @Nullable String priority,
    @Nullable String reason,
    String context,
    Instant createdAt) {}
