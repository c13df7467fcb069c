package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.tierzero.bot.ids.Ids;
import java.time.Instant;

/**
 * One ticket's delivery to one sink: a row of the outbox.
 *
 * @param idempotencyKey the same on every attempt, so a receiver that sees a ticket twice (an
 *     attempt that arrived but whose answer was lost) can tell it is the same ticket
 * @param state {@link #PENDING} until a sink accepts it, then {@link #DELIVERED}
 * @param nextAttemptAt when the dispatcher may try next; while an attempt runs, the end of its
 *     lease, so another dispatcher leaves it alone
 * @param updateId the change this row delivers ({@code ticket.updated}); null for the ticket itself
 *     ({@code ticket.created})
 */
@MappedEntity("ticket_delivery")
record TicketDelivery(
    @Id String id,
    String ticketId,
    String sink,
    String idempotencyKey,
    String state,
    int attempts,
    Instant nextAttemptAt,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant deliveredAt,
    @Nullable String updateId) {
  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";

  /** A new row, due now. */
  static TicketDelivery due(
      String ticketId, String sink, String idempotencyKey, @Nullable String updateId, Instant now) {
    return new TicketDelivery(
        Ids.newId(), ticketId, sink, idempotencyKey, PENDING, 0, now, null, now, null, updateId);
  }

  String event() {
    return updateId == null ? TicketMessage.CREATED : TicketMessage.UPDATED;
  }

  TicketDelivery delivered(int attempts, Instant now) {
    return new TicketDelivery(
        id,
        ticketId,
        sink,
        idempotencyKey,
        DELIVERED,
        attempts,
        nextAttemptAt,
        null,
        createdAt,
        now,
        updateId);
  }

  TicketDelivery failed(int attempts, Instant nextAttemptAt, String error) {
    return new TicketDelivery(
        id,
        ticketId,
        sink,
        idempotencyKey,
        PENDING,
        attempts,
        nextAttemptAt,
        error,
        createdAt,
        null,
        updateId);
  }
}
