package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One change to a ticket, as stored: a row of the ticket's history.
 *
 * @param kind {@link TicketChange#NOTE} or {@link TicketChange#CLOSED}
 * @param body what the requester wrote, redacted; null when they closed it without a word
 * @param sourceId for a change the help desk sent back, its event there (one row per event)
 */
@MappedEntity("ticket_update")
record TicketUpdate(
    @Id String id, String ticketId, String kind, @Nullable String body, Instant createdAt, @Nullable String sourceId) {
  TicketChange view() {
    return new TicketChange(id, kind, body, createdAt);
  }
}
