package io.tierzero.bot.conversations;

import io.micronaut.core.annotation.Nullable;

/** A message to append to a conversation; the store gives it an id, position and time. */
public record NewMessage(
    String sender, @Nullable String replyType, String body, @Nullable String payload) {

  public static NewMessage fromUser(String text) {
    return new NewMessage(ChatMessage.USER, null, text, null);
  }

  public static NewMessage fromBot(String replyType, String text, @Nullable String payload) {
    return new NewMessage(ChatMessage.BOT, replyType, text, payload);
  }
}
