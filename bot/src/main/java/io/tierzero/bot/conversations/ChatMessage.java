package io.tierzero.bot.conversations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One message of a conversation, from the user or the bot.
 *
 * @param id unguessable, returned with each bot reply so feedback can refer to it
 * @param seq position in the conversation, from 0; unique per conversation
 * @param sender {@link #USER} or {@link #BOT}
 * @param replyType the bot reply's type ({@code answer}, {@code no_answer}, ...), null for users
 * @param payload the reply's articles and options as JSON, null when it has none
 */
@MappedEntity("chat_message")
public record ChatMessage(
    @Id String id,
    String conversationId,
    int seq,
    String sender,
    @Nullable String replyType,
    String body,
    @Nullable String payload,
    Instant createdAt) {
  public static final String USER = "user";
  public static final String BOT = "bot";
}
