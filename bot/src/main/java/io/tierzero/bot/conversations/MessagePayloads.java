package io.tierzero.bot.conversations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.json.JsonColumns;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The one codec of {@code chat_message.payload}: what a bot message offers besides its text
 * (articles, quick replies, a form, ...), as JSON, for every feature that writes or reads messages
 * (the chat's turns, tickets' notices, analytics). The payload's record is the chat's ({@code
 * io.tierzero.bot.chat.ReplyPayload}): its parts are the chat's types, so the codec takes the type
 * from the caller. A message that offers nothing has no payload (null), not an empty object.
 */
@Singleton
public final class MessagePayloads {
  /** The column this codec reads and writes, named in every error. */
  public static final String COLUMN = "chat_message.payload";

  private final ObjectMapper json;

  MessagePayloads(ObjectMapper json) {
    this.json = json;
  }

  /** A bot message of {@code replyType} with {@code payload}; none when null. */
  public NewMessage botMessage(String replyType, String text, @Nullable Object payload) {
    return NewMessage.fromBot(
        replyType, text, payload == null ? null : JsonColumns.write(json, COLUMN, payload));
  }

  /**
   * The payload of {@code message} as {@code type}; empty when it has none.
   *
   * @throws java.io.UncheckedIOException naming the column when it does not read as {@code type}
   */
  public <P> Optional<P> read(ChatMessage message, Class<P> type) {
    return message.payload() == null
        ? Optional.empty()
        : Optional.of(JsonColumns.read(json, COLUMN, message.payload(), type));
  }

  /**
   * A payload read straight from the column (a report's own query) as {@code type}; empty when
   * there is none or it does not read, so one bad row does not hide the rest of a report.
   */
  public <P> Optional<P> readIfValid(@Nullable String payload, Class<P> type) {
    return JsonColumns.readIfValid(json, COLUMN, payload, type);
  }
}
