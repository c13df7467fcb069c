package io.tierzero.bot.conversations;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One chat, as stored. Everything a turn needs lives in the database, not in memory, so any
 * instance can continue any conversation and a restart loses nothing.
 *
 * @param tokenHash SHA-256 of the conversation token: a leaked table does not leak tokens
 * @param noAnswerStreak how many turns in a row ended without an answer; two offer a person
 * @param messageCount messages stored so far; the next message's sequence number
 * @param channel where the user talks to the bot: {@value #WIDGET}, or a chat platform's channel
 *     adapter ({@code slack}); analytics splits by it, and only the widget may take secrets
 */
@MappedEntity("conversation")
public record Conversation(
    @Id String id,
    String tokenHash,
    Instant createdAt,
    Instant updatedAt,
    int noAnswerStreak,
    int messageCount,
    String channel) {
  /** The bot's own chat widget: the only channel in which a password may be typed. */
  public static final String WIDGET = "widget";

  /** This conversation came from the widget. */
  public boolean onWidget() {
    return WIDGET.equals(channel);
  }

  Conversation withTurn(int messagesAdded, int noAnswerStreak, Instant now) {
    return new Conversation(
        id, tokenHash, createdAt, now, noAnswerStreak, messageCount + messagesAdded, channel);
  }
}
