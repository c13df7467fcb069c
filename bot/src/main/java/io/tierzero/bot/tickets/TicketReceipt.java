package io.tierzero.bot.tickets;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * What the user sees of their ticket: enough to know it exists and where it is, nothing an agent
 * wrote.
 *
 * @param message what happens next, in words
 * @param statusUrl where to check the status, with the conversation token header
 */
@Serdeable
public record TicketReceipt(
    String number,
    TicketStatus status,
    String subject,
    String queue,
    Instant createdAt,
    Instant updatedAt,
    String message,
    String statusUrl) {}
