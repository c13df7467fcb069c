package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tierzero.bot.conversations.ConversationToken;
import jakarta.validation.Valid;
import java.util.Optional;

/**
 * The user's side of tickets: raise one from the ticket form a handoff offers, check its status,
 * add a note, close it. Like the chat API, the conversation's token authorises each: no token is a
 * 401, a wrong one a 404 (the same as a ticket that does not exist).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "tickets")
class TicketController {
  static final String TOKEN_HEADER = ConversationToken.HEADER;

  private final TicketService tickets;
  private final TicketQueries queries;
  private final TicketUpdates updates;

  TicketController(TicketService tickets, TicketQueries queries, TicketUpdates updates) {
    this.tickets = tickets;
    this.queries = queries;
    this.updates = updates;
  }

  @Operation(
      summary = "Raise a ticket for this conversation from the handoff's ticket form",
      description =
          "201 with the new ticket; 200 with the existing one when the conversation already has a"
              + " ticket.")
  @ApiResponse(responseCode = "400", description = "Missing consent, name, or a valid email")
  @ApiResponse(responseCode = "401", description = "No " + TOKEN_HEADER + " header")
  @ApiResponse(
      responseCode = "404",
      description = "No such conversation, or the token is not its token")
  @Post("/api/conversations/{id}/ticket")
  HttpResponse<TicketReceipt> open(
      String id,
      @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER) @ConversationToken String token,
      @Header(HttpHeaders.USER_AGENT) @Nullable String userAgent,
      @Valid @Body TicketRequest request) {
    var opened =
        tickets
            .open(id, token, request, userAgent)
            .orElseThrow(
                () -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such conversation"));
    return opened.created()
        ? HttpResponse.created(opened.receipt())
        : HttpResponse.ok(opened.receipt());
  }

  @Operation(
      summary = "A ticket's status, for the user who raised it (with that conversation's token)")
  @ApiResponse(responseCode = "401", description = "No " + TOKEN_HEADER + " header")
  @ApiResponse(
      responseCode = "404",
      description = "No such ticket, or not raised from this token's conversation")
  @Get("/api/tickets/{number}")
  Optional<TicketReceipt> status(
      String number,
      @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER) @ConversationToken String token) {
    return queries.status(number, token);
  }

  @Operation(
      summary = "The tickets raised from the conversations this browser started",
      description =
          "Each conversation with its token, at most 20. Unknown conversations and wrong tokens are"
              + " left out without an error, like conversations without a ticket.")
  @ApiResponse(
      responseCode = "400",
      description = "No list, more than 20 conversations, or an entry without id or token")
  @Post("/api/tickets/mine")
  MyTickets mine(@Valid @Body MyTicketsRequest request) {
    return queries.mine(request.conversations());
  }

  @Operation(
      summary =
          "Add a note to a ticket, for the user who raised it (with that conversation's token)",
      description =
          "201 with the ticket and the note, which reaches the ticket's sinks as ticket.updated;"
              + " 200 when the same note was just added.")
  @ApiResponse(responseCode = "400", description = "Empty text, or over 2,000 characters")
  @ApiResponse(responseCode = "401", description = "No " + TOKEN_HEADER + " header")
  @ApiResponse(
      responseCode = "404",
      description = "No such ticket, or not raised from this token's conversation")
  @ApiResponse(responseCode = "409", description = "The ticket is closed")
  @Post("/api/tickets/{number}/notes")
  HttpResponse<TicketUpdateReceipt> addNote(
      String number,
      @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER) @ConversationToken String token,
      @Valid @Body TicketNoteRequest request) {
    var access = TicketUpdates.Access.byToken(number, token);
    try {
      var result =
          updates.addNote(access, request.text()).orElseThrow(TicketController::noSuchTicket);
      var body = TicketUpdateReceipt.of(result);
      return result.recorded() ? HttpResponse.created(body) : HttpResponse.ok(body);
    } catch (TicketUpdates.TicketClosedException e) {
      throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
    }
  }

  @Operation(
      summary = "Close a ticket, for the user who raised it (with that conversation's token)",
      description =
          "The body is optional: {\"text\": \"...\"} adds a last word. Closing reaches the ticket's"
              + " sinks as ticket.updated; closing a closed ticket changes nothing.")
  @ApiResponse(responseCode = "400", description = "text over 2,000 characters")
  @ApiResponse(responseCode = "401", description = "No " + TOKEN_HEADER + " header")
  @ApiResponse(
      responseCode = "404",
      description = "No such ticket, or not raised from this token's conversation")
  @Post("/api/tickets/{number}/close")
  TicketUpdateReceipt close(
      String number,
      @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER) @ConversationToken String token,
      @Valid @Body @Nullable TicketNoteRequest.Close request) {
    var access = TicketUpdates.Access.byToken(number, token);
    return TicketUpdateReceipt.of(
        updates
            .close(access, request == null ? null : request.text())
            .orElseThrow(TicketController::noSuchTicket));
  }

  private static HttpStatusException noSuchTicket() {
    return new HttpStatusException(HttpStatus.NOT_FOUND, "No such ticket");
  }
}
