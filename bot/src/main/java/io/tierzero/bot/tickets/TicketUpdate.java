package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One change to a ticket, as stored: a row of the ticket's history.
 *
 * @param kind one of {@link TicketChange}'s kinds
 * @param body what the requester wrote, redacted; null when they closed it without a word
 * @param sourceId for a change the help desk sent back, its event there (one row per event)
 * @param author the agent who made the change in the console or the agents' API; null for the
 *     requester's changes and the help desk's
 */
@MappedEntity("ticket_update")
record TicketUpdate(
    @Id String id,
    String ticketId,
    String kind,
    @Nullable String body,
    Instant createdAt,
    @Nullable String sourceId,
    @Nullable String author) {

  @Creator
  TicketUpdate {}

  /** A change by the requester or the help desk: no agent of ours made it. */
  TicketUpdate(
      String id,
      String ticketId,
      String kind,
      @Nullable String body,
      Instant createdAt,
      @Nullable String sourceId) {
    this(id, ticketId, kind, body, createdAt, sourceId, null);
  }

  TicketChange view() {
    return new TicketChange(id, kind, body, createdAt, author);
  }
}
