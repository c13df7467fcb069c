package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tierzero.bot.conversations.ConversationToken;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.security.UnexpectedErrorHandler;
import jakarta.validation.Valid;
import java.util.Optional;

/**
 * The chat API the widget talks to. A conversation's token (header {@value #TOKEN_HEADER})
 * authorises every call on it: no token is a 401, a wrong token or an unknown id a 404, so a caller
 * cannot learn which conversations exist.
 */
@Controller("/api/conversations")
@Tag(name = "chat")
class ChatController {
  static final String TOKEN_HEADER = ConversationToken.HEADER;

  private final ChatService chat;
  private final OfflineAnswers offline;

  ChatController(ChatService chat, OfflineAnswers offline) {
    this.chat = chat;
    this.offline = offline;
  }

  @Operation(
      summary = "Start a conversation; the token in the answer authorises later calls",
      description =
          "Optional JSON body {\"pageUrl\": \"...\"}: the page the widget is on, kept with a"
              + " ticket.")
  @Post
  @Status(HttpStatus.CREATED)
  StartedConversation start(
      @Body @Nullable StartRequest request,
      @Header(HttpHeaders.USER_AGENT) @Nullable String userAgent) {
    return chat.start(request == null ? null : request.pageUrl(), userAgent);
  }

  @Operation(
      summary = "Send what the user typed (or a quick reply's text); returns the bot's replies")
  @ApiResponse(responseCode = "400", description = "Empty or oversized text, or malformed JSON")
  @ApiResponse(responseCode = "401", description = "No " + TOKEN_HEADER + " header")
  @ApiResponse(
      responseCode = "404",
      description = "No such conversation, or the token is not its token")
  @Post("/{id}/messages")
  Optional<ChatResponse> send(
      String id,
      @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER) @ConversationToken String token,
      @Valid @Body MessageRequest request) {
    try {
      return chat.send(id, token, request.text()).map(ChatResponse::new);
    } catch (RuntimeException e) {
      // The database is away: still answer from the articles, and say nothing was kept.
      if (!UnexpectedErrorHandler.databaseUnavailable(e)) throw e;
      return Optional.of(new ChatResponse(offline.answer(request.text())));
    }
  }

  @Operation(summary = "The conversation's transcript, oldest message first")
  @ApiResponse(responseCode = "401", description = "No " + TOKEN_HEADER + " header")
  @ApiResponse(
      responseCode = "404",
      description = "No such conversation, or the token is not its token")
  @Get("/{id}")
  Optional<Transcript> transcript(
      String id,
      @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER) @ConversationToken String token) {
    return chat.transcript(id, token);
  }

  @Operation(
      summary = "The messages after the one named, oldest first (all without one)",
      description =
          "What the widget polls for while it is open: the IT Service Desk's replies and status"
              + " changes appear without the user sending anything.")
  @ApiResponse(responseCode = "401", description = "No " + TOKEN_HEADER + " header")
  @ApiResponse(
      responseCode = "404",
      description = "No such conversation, or the token is not its token")
  @Get("/{id}/messages")
  Optional<Transcript> messagesAfter(
      String id,
      @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER) @ConversationToken String token,
      @QueryValue @Nullable String after) {
    return chat.messagesAfter(id, token, after == null || after.isBlank() ? null : after.strip());
  }
}
