package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A change to a ticket after it was raised, as the API and the sinks show it: one the requester
 * made, one an agent made in the console or the agents' API, or one the help desk sent back. The
 * requester's and the agents' are delivered to sinks; the help desk's came from one.
 *
 * @param id also the idempotency key of its {@code ticket.updated} delivery
 * @param kind {@value #NOTE} (they added something) or {@value #CLOSED} (they closed it); from an
 *     agent or the help desk, {@value #REPLY} (an agent wrote to the requester) or {@value #STATUS}
 *     (the text is the new status); from an agent, {@value #ASSIGNED} (the text is the agent who
 *     has it now, absent when given back to the queue)
 * @param text what they wrote, with secrets redacted; absent when closing without a word
 * @param by the agent who made the change here; absent for the requester's and the help desk's
 */
@Serdeable
public record TicketChange(
    String id, String kind, @Nullable String text, Instant at, @Nullable String by) {
  public static final String NOTE = "note";
  public static final String CLOSED = "closed";
  public static final String REPLY = "reply";
  public static final String STATUS = "status";
  public static final String ASSIGNED = "assigned";

  @Creator
  public TicketChange {}

  /** A change no agent of ours made. */
  public TicketChange(String id, String kind, @Nullable String text, Instant at) {
    this(id, kind, text, at, null);
  }
}
