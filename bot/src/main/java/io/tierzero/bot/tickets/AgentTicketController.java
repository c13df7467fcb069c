package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tierzero.bot.security.Roles;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Optional;

/** The agents' API: tickets raised from the chat, with their transcripts. Agents only. */
@Controller("/api/agent/tickets")
@Secured(Roles.AGENT)
@Tag(name = "agents")
@SecurityRequirement(name = "basicAuth")
class AgentTicketController {
  /** A page an agent reads; filters narrow it further. */
  static final int DEFAULT_LIMIT = 100;

  static final int MAX_LIMIT = 1000;

  private final TicketService tickets;

  AgentTicketController(TicketService tickets) {
    this.tickets = tickets;
  }

  @Operation(summary = "Tickets, newest first, filtered by status, queue and priority (each optional)")
  @ApiResponse(responseCode = "401", description = "Not authenticated")
  @Get
  List<AgentTicket> list(
      @QueryValue @Nullable String status,
      @QueryValue @Nullable String queue,
      @QueryValue @Nullable String priority,
      @QueryValue @Nullable Integer limit) {
    int n = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
    return tickets.list(parse(status, "status", TicketStatus::fromJson, "new, open, pending, resolved, closed"), queue, parse(priority, "priority", p -> Priority.valueOf(p.strip().toUpperCase(Locale.ROOT)), "P1, P2, P3, P4"), n);
  }

  private static <T> @Nullable T parse(@Nullable String value, String name, Function<String, T> parser, String allowed) {
    if (value == null || value.isBlank()) return null;
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new HttpStatusException(HttpStatus.BAD_REQUEST, name + " must be one of: " + allowed);
    }
  }

  @Operation(summary = "One ticket with its transcript, articles, flow and delivery state")
  @ApiResponse(responseCode = "404", description = "No such ticket")
  @Get("/{number}")
  Optional<AgentTicket> get(String number) {
    return tickets.get(number);
  }

  @Operation(summary = "Change a ticket's status: new, open, pending, resolved, closed")
  @ApiResponse(responseCode = "404", description = "No such ticket")
  @Put("/{number}/status")
  Optional<AgentTicket> changeStatus(String number, @Valid @Body StatusChange change) {
    return tickets.changeStatus(number, change.status());
  }
}
