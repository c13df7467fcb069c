package io.tierzero.bot.channels;

import io.tierzero.bot.flows.KnownLogins;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The login a platform vouches for: the email address it reports for the user of a channel
 * conversation (Slack's {@code users.info}). Widget conversations have none, so they are asked.
 */
@Singleton
class ChannelLogins implements KnownLogins {
  private final ChannelConversationRepository repository;

  ChannelLogins(ChannelConversationRepository repository) {
    this.repository = repository;
  }

  @Override
  public Optional<String> login(String conversationId) {
    return repository
        .findByConversationId(conversationId)
        .map(ChannelConversation::email)
        .filter(e -> !e.isBlank());
  }
}
