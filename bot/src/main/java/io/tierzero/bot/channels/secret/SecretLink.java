package io.tierzero.bot.channels.secret;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A one-time link to the secret page, as stored: the hash of its token, never the token.
 *
 * @param inputType {@code secret} (a password field) or {@code code}
 * @param prompt the question the page shows, the flow's own words
 */
@MappedEntity("secret_link")
record SecretLink(
    @Id String tokenHash,
    String conversationId,
    String channel,
    String inputType,
    String prompt,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant usedAt) {}
