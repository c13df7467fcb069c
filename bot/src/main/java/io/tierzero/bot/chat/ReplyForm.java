package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/**
 * A small form a reply asks the widget to show, such as the ticket form a handoff offers. The
 * widget renders the fields in order and submits them as one JSON object ({@code name -> value},
 * checkboxes as {@code true}/{@code false}) to {@code action} with {@code method}, sending the
 * conversation token header like every other chat call.
 *
 * @param id what the form is for, e.g. {@code ticket}; lets the widget pick labels and styling
 * @param action the URL to submit to, relative to the bot
 * @param submitLabel the button's text
 */
@Serdeable
public record ReplyForm(
    String id, String action, String method, String submitLabel, List<Field> fields) {
  public ReplyForm {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(submitLabel, "submitLabel");
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /**
   * One field.
   *
   * @param name the JSON property it is submitted as
   * @param type {@code text}, {@code email} or {@code checkbox}
   * @param value the prefilled value where the bot already knows it; absent otherwise
   * @param maxLength longest accepted value; 0 for checkboxes
   */
  @Serdeable
  public record Field(
      String name,
      String label,
      String type,
      boolean required,
      @Nullable String value,
      int maxLength) {
    public static final String TEXT = "text";
    public static final String EMAIL = "email";
    public static final String CHECKBOX = "checkbox";
  }
}
