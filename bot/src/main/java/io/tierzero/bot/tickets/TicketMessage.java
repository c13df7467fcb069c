package io.tierzero.bot.tickets;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A ticket on its way to a helpdesk; the webhook's JSON body. The same on every attempt.
 *
 * @param event always {@code ticket.created}
 * @param idempotencyKey the same for every attempt to deliver this ticket (the ticket's id)
 * @param transcriptText the conversation as readable text, for a helpdesk's comment body
 */
@Serdeable
public record TicketMessage(String event, String idempotencyKey, AgentTicket ticket, String transcriptText) {
  public static final String CREATED = "ticket.created";
}
