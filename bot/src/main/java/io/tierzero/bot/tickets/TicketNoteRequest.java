package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note the requester adds to their ticket; closing takes an optional one ({@link Close}). */
@Serdeable
public record TicketNoteRequest(
    @NotBlank(message = "text must not be empty") @Size(
            max = TicketUpdates.MAX_TEXT,
            message = "text must be at most " + TicketUpdates.MAX_TEXT + " characters")
        String text) {

  /** Closing a ticket: a last word is optional ("it's fixed now: it was the cable"). */
  @Serdeable
  public record Close(
      @Nullable @Size(
              max = TicketUpdates.MAX_TEXT,
              message = "text must be at most " + TicketUpdates.MAX_TEXT + " characters")
          String text) {}
}
