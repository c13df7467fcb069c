package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tierzero.bot.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The agents' API: tickets raised from the chat, with their transcripts. Agents only. */
@Controller("/api/agent/tickets")
@Secured(Roles.AGENT)
@Tag(name = "agents")
@SecurityRequirement(name = "basicAuth")
class AgentTicketController {
  /** A page an agent reads; filters narrow it further. */
  static final int DEFAULT_LIMIT = 100;

  static final int MAX_LIMIT = 1000;

  /** The assignee filter for tickets nobody has taken. */
  static final String NOBODY = "none";

  private final TicketQueries tickets;
  private final AgentActions actions;

  AgentTicketController(TicketQueries tickets, AgentActions actions) {
    this.tickets = tickets;
    this.actions = actions;
  }

  @Operation(
      summary =
          "Tickets, newest first, filtered by status, queue, priority and assignee (each optional;"
              + " assignee=none: nobody's)")
  @ApiResponse(responseCode = "401", description = "Not authenticated")
  @Get
  List<AgentTicket> list(
      @QueryValue @Nullable String status,
      @QueryValue @Nullable String queue,
      @QueryValue @Nullable String priority,
      @QueryValue @Nullable String assignee,
      @QueryValue @Nullable Integer limit) {
    int n = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
    return tickets.list(
        parse(status, "status", TicketStatus::fromJson, "new, open, pending, resolved, closed"),
        queue,
        parse(
            priority,
            "priority",
            p -> Priority.valueOf(p.strip().toUpperCase(Locale.ROOT)),
            "P1, P2, P3, P4"),
        assigneeFilter(assignee),
        n);
  }

  /** {@value #NOBODY} for the tickets nobody has taken; blank for everyone's. */
  static @Nullable String assigneeFilter(@Nullable String assignee) {
    if (assignee == null || assignee.isBlank()) return null;
    return assignee.strip().equalsIgnoreCase(NOBODY) ? "" : assignee.strip();
  }

  private static <T> @Nullable T parse(
      @Nullable String value, String name, Function<String, T> parser, String allowed) {
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

  @Operation(
      summary =
          "Change a ticket's status; only moves its life allows (nothing goes back to new, a"
              + " resolved ticket reopens as open, a closed one stays closed)")
  @ApiResponse(responseCode = "404", description = "No such ticket")
  @ApiResponse(responseCode = "409", description = "The ticket cannot move to that status")
  @Put("/{number}/status")
  Optional<AgentTicket> changeStatus(
      String number, @Valid @Body StatusChange change, Authentication agent) {
    return apply(number, new AgentActions.Request(null, change.status(), null), agent);
  }

  @Operation(
      summary = "Give a ticket to an agent (an agent's username; empty or null: back to the queue)")
  @ApiResponse(responseCode = "400", description = "Not an agent's username")
  @ApiResponse(responseCode = "404", description = "No such ticket")
  @Put("/{number}/assignee")
  Optional<AgentTicket> assign(String number, @Body AssigneeChange change, Authentication agent) {
    return apply(
        number,
        new AgentActions.Request(change.assignee() == null ? "" : change.assignee(), null, null),
        agent);
  }

  @Operation(
      summary =
          "Reply to the requester: the bot says it in the ticket's conversation, and it reaches the"
              + " sinks")
  @ApiResponse(responseCode = "400", description = "Empty or longer than 10,000 characters")
  @ApiResponse(responseCode = "404", description = "No such ticket")
  @Post("/{number}/replies")
  @Status(HttpStatus.CREATED)
  Optional<AgentTicket> reply(String number, @Valid @Body AgentReply reply, Authentication agent) {
    return apply(number, new AgentActions.Request(null, null, reply.text()), agent);
  }

  private Optional<AgentTicket> apply(
      String number, AgentActions.Request request, Authentication agent) {
    try {
      return actions.apply(number, request, agent.getName()).map(AgentActions.Result::ticket);
    } catch (AgentActions.TransitionRefusedException e) {
      throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  /**
   * @param assignee an agent's username; null or empty gives the ticket back to the queue
   */
  @Serdeable
  record AssigneeChange(@Nullable String assignee) {}

  @Serdeable
  record AgentReply(@NotBlank(message = "text is required") String text) {}
}
