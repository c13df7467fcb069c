package io.tierzero.bot.tickets;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** An agent's change of a ticket's status. */
@Serdeable
public record StatusChange(@NotNull(message = "status is required") TicketStatus status) {}
