package io.tierzero.bot.tickets.rt;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Our ticket's RT ticket: stored once RT has it, read by the poller.
 *
 * @param seenTransaction the highest id of RT's history of the ticket already read
 */
@MappedEntity("rt_ticket")
record RtTicket(@Id String ticketId, long rtId, long seenTransaction, Instant createdAt) {
  RtTicket seen(long transaction) {
    return new RtTicket(ticketId, rtId, Math.max(seenTransaction, transaction), createdAt);
  }
}
