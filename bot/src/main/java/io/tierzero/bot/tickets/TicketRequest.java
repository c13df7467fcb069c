package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The ticket form as the widget submits it.
 *
 * @param consent must be {@code true}: the user agrees to send the conversation, their name and
 *     email to the IT Service Desk
 * @param details anything the user wants to add; optional
 * @param pageUrl the page the widget is on, when the conversation did not report it at the start
 */
@Serdeable
public record TicketRequest(
    @NotBlank(message = "name must not be empty") @Size(max = MAX_NAME, message = "name must be at most " + MAX_NAME + " characters") String name,
    @NotBlank(message = "email must not be empty") @Size(max = MAX_EMAIL, message = "email must be at most " + MAX_EMAIL + " characters")
        // Bean Validation's @Email accepts "a@b"; a helpdesk needs a domain with a dot to reply to.
        @Email(message = "email must be a valid email address") @Pattern(
            regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
            message = "email must be a valid email address")
        String email,
    @NotNull(message = "consent is required") @AssertTrue(
            message =
                "consent is required: tick the box to send this conversation to the IT Service"
                    + " Desk")
        Boolean consent,
    @Nullable @Size(max = MAX_DETAILS, message = "details must be at most " + MAX_DETAILS + " characters") String details,
    @Nullable @Size(max = 2000, message = "pageUrl must be at most 2000 characters") String pageUrl) {
  public static final int MAX_NAME = 200;
  public static final int MAX_EMAIL = 320;
  public static final int MAX_DETAILS = 2000;
}
