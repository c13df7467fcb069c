package io.tierzero.bot.channels;

import java.util.Optional;

/**
 * A chat platform's side of a conversation: what the secret page needs to continue a turn there.
 * Each adapter is a bean only when its settings are present.
 */
public interface ChannelAdapter {
  /** The name conversations record, e.g. {@code slack}. */
  String name();

  /**
   * Takes {@code secret} as the answer to the question {@code conversation} waits on and posts the
   * bot's replies to the platform, where the secret itself never goes.
   *
   * @return what the bot said, and the next one-time link when it asks for another secret, for the
   *     page to offer at once; empty when the conversation is gone
   */
  Optional<SecretOutcome> secretGiven(ChannelConversation conversation, String secret);
}
