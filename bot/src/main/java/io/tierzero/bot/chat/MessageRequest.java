package io.tierzero.bot.chat;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the user typed (or the quick reply they chose). */
@Serdeable
public record MessageRequest(
    @NotBlank(message = "text must not be empty") @Size(
            max = MessageRequest.MAX_TEXT,
            message = "text must be at most " + MessageRequest.MAX_TEXT + " characters")
        String text) {
  /** A long paragraph; anything longer is a pasted log, which retrieval cannot use anyway. */
  public static final int MAX_TEXT = 2000;
}
