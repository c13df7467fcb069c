package io.tierzero.bot.conversations;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A new conversation and the token that authorises every later call on it. The token is shown once:
 * only its hash is stored.
 */
@Serdeable
public record StartedConversation(String id, String token) {}
