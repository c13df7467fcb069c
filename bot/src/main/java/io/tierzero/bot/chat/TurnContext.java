package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;

/**
 * Everything a handler may look at to decide and answer one user message.
 *
 * @param text what the user sent, trimmed
 * @param normalized {@code text} in lower case with punctuation as spaces, for phrase matching
 * @param noAnswerStreak how many turns in a row before this one ended without an answer
 * @param previousReply the bot's last reply in this conversation, which the user may be answering
 */
public record TurnContext(
    String conversationId,
    String text,
    String normalized,
    int noAnswerStreak,
    @Nullable Reply previousReply) {

  public static TurnContext of(
      String conversationId, String text, int noAnswerStreak, @Nullable Reply previousReply) {
    var trimmed = text.strip();
    return new TurnContext(
        conversationId, trimmed, Texts.normalize(trimmed), noAnswerStreak, previousReply);
  }
}
