package io.tierzero.bot.chat;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import java.util.Set;

/**
 * What the bot expects the user to type next, so the widget can pick the control: a password field
 * for {@code secret} (never echoed, never kept in the widget), a numeric field for {@code code},
 * buttons for {@code choice} and {@code yes_no} (the reply's options). In JSON: {@code
 * {"type":"secret"}}. Replies that expect nothing in particular have none.
 *
 * @param type {@code text}, {@code email}, {@code code}, {@code secret}, {@code choice} or {@code
 *     yes_no}
 */
@Serdeable
public record ReplyInput(String type) {
  public static final String TEXT = "text";
  public static final String EMAIL = "email";
  public static final String CODE = "code";
  public static final String SECRET = "secret";
  public static final String CHOICE = "choice";
  public static final String YES_NO = "yes_no";

  private static final Set<String> TYPES = Set.of(TEXT, EMAIL, CODE, SECRET, CHOICE, YES_NO);

  /** Answers to these are never stored or shown: the transcript says one was given. */
  private static final Set<String> SENSITIVE = Set.of(CODE, SECRET);

  public ReplyInput {
    Objects.requireNonNull(type, "type");
    if (!TYPES.contains(type))
      throw new IllegalArgumentException("type must be one of " + TYPES + ": " + type);
  }

  public boolean sensitive() {
    return SENSITIVE.contains(type);
  }
}
