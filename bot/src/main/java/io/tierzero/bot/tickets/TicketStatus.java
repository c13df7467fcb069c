package io.tierzero.bot.tickets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** Where a ticket is in its life. In JSON and in the database: lower case. */
@Serdeable
public enum TicketStatus {
  /** Raised from the chat, not yet looked at. */
  NEW,
  /** An agent is working on it. */
  OPEN,
  /** Waiting for the requester or a third party. */
  PENDING,
  /** Fixed; the requester may still reply. */
  RESOLVED,
  /** Done. */
  CLOSED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TicketStatus fromJson(String value) {
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }

  boolean isDone() {
    return this == RESOLVED || this == CLOSED;
  }

  /**
   * Whether an agent may move a ticket from this status to {@code next}. Nothing goes back to
   * {@link #NEW} (someone has looked at it); a resolved ticket reopens to {@link #OPEN} or is
   * closed; a closed ticket stays closed (the requester starts a new conversation for a new
   * problem, and notes on it are refused). The help desk's own changes are not checked here: it is
   * where the ticket is worked.
   */
  public boolean allows(TicketStatus next) {
    return switch (this) {
      case NEW, OPEN, PENDING -> next != NEW && next != this;
      case RESOLVED -> next == OPEN || next == CLOSED;
      case CLOSED -> false;
    };
  }
}
