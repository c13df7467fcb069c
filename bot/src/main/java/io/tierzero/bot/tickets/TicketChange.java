package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A change the requester made to their ticket after raising it, as the API and the sinks show it.
 *
 * @param id also the idempotency key of its {@code ticket.updated} delivery
 * @param kind {@value #NOTE} (they added something) or {@value #CLOSED} (they closed it)
 * @param text what they wrote, with secrets redacted; absent when closing without a word
 */
@Serdeable
public record TicketChange(String id, String kind, @Nullable String text, Instant at) {
  public static final String NOTE = "note";
  public static final String CLOSED = "closed";
}
