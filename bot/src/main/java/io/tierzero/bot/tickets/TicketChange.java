package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A change to a ticket after it was raised, as the API and the sinks show it: one the requester
 * made, or one the help desk sent back. Only the requester's are delivered to sinks.
 *
 * @param id also the idempotency key of its {@code ticket.updated} delivery
 * @param kind {@value #NOTE} (they added something) or {@value #CLOSED} (they closed it); from
 *     the help desk, {@value #REPLY} (an agent wrote to the requester) or {@value #STATUS} (the
 *     text is the new status)
 * @param text what they wrote, with secrets redacted; absent when closing without a word
 */
@Serdeable
public record TicketChange(String id, String kind, @Nullable String text, Instant at) {
  public static final String NOTE = "note";
  public static final String CLOSED = "closed";
  public static final String REPLY = "reply";
  public static final String STATUS = "status";
}
