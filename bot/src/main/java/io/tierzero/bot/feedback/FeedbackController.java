package io.tierzero.bot.feedback;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tierzero.bot.conversations.ConversationToken;
import jakarta.validation.Valid;
import java.util.Optional;

/**
 * Thumbs up and down from the widget, with the conversation's token like every chat call: no token
 * is a 401, a wrong token or unknown conversation a 404.
 */
@Controller("/api/conversations")
@Tag(name = "chat")
class FeedbackController {
  static final String TOKEN_HEADER = ConversationToken.HEADER;

  private final FeedbackService feedback;

  FeedbackController(FeedbackService feedback) {
    this.feedback = feedback;
  }

  @Operation(
      summary = "Rate a bot reply or an article; voting again on the same item changes the vote",
      description =
          "Body {messageId?, articleId?, vote: \"up\"|\"down\", reason?}; reason is one of"
              + " wrong_article, outdated, unclear, didnt_work. A vote on an answer counts for the"
              + " article it offered.")
  @ApiResponse(
      responseCode = "400",
      description = "Neither messageId nor articleId, an unknown vote or reason")
  @ApiResponse(responseCode = "401", description = "No " + TOKEN_HEADER + " header")
  @ApiResponse(
      responseCode = "404",
      description =
          "No such conversation, reply or article, or the token is not the conversation's")
  @Post("/{id}/feedback")
  Optional<FeedbackReceipt> rate(
      String id,
      @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER) @ConversationToken String token,
      @Valid @Body FeedbackRequest request) {
    return feedback.rate(id, token, request);
  }
}
