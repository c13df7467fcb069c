package io.tierzero.bot.tickets;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The conversations a browser started (the widget keeps at most {@value #MAX}), each with its
 * token: whoever holds a conversation's token may see that conversation's ticket.
 */
@Serdeable
public record MyTicketsRequest(
    @NotNull(message = "conversations is required") @Size(max = MAX, message = "at most " + MAX + " conversations") List<@Valid @NotNull(message = "a conversation must not be null") Conversation>
            conversations) {
  static final int MAX = 20;

  /** One conversation and its token. */
  @Serdeable
  public record Conversation(
      @NotBlank(message = "id must not be empty") @Size(max = 100, message = "id is too long") String id,
      @NotBlank(message = "token must not be empty") @Size(max = 200, message = "token is too long") String token) {}
}
