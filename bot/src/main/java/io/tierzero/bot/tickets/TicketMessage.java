package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A ticket, or a change to it, on its way to a helpdesk; the webhook's JSON body.
 *
 * @param event {@value #CREATED} for a new ticket, {@value #UPDATED} for a change the requester
 *     made to it (a note, closing it) or an agent made here (taking it, a status, a reply)
 * @param idempotencyKey the same for every attempt to deliver this ticket or this change: the
 *     ticket's id for {@value #CREATED}, the change's id for {@value #UPDATED}
 * @param ticket for {@value #CREATED} with its context; for {@value #UPDATED} as it is after the
 *     change, without the context (the receiver has it from {@value #CREATED})
 * @param update the change; only for {@value #UPDATED}
 * @param transcriptText readable text for a helpdesk's comment body: the conversation for {@value
 *     #CREATED}, the change for {@value #UPDATED}
 */
@Serdeable
public record TicketMessage(
    String event,
    String idempotencyKey,
    AgentTicket ticket,
    String transcriptText,
    @Nullable TicketChange update) {
  public static final String CREATED = "ticket.created";
  public static final String UPDATED = "ticket.updated";
}
