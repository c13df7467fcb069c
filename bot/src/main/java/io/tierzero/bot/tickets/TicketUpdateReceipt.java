package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a note or a close: the ticket as it is now and the change.
 *
 * @param update the change recorded; on a repeated request the earlier one (absent when an agent
 *     closed the ticket)
 */
@Serdeable
public record TicketUpdateReceipt(TicketReceipt ticket, @Nullable TicketChange update) {
  static TicketUpdateReceipt of(TicketUpdates.Result result) {
    return new TicketUpdateReceipt(result.ticket(), result.change());
  }
}
