package io.tierzero.bot.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One emailed one-time code, as stored: its salted hash, never the code.
 *
 * @param username who it verifies
 * @param attempts wrong guesses so far
 * @param verifiedAt when the right code was typed; null until then
 */
@MappedEntity("flow_verification")
public record CodeVerification(
    @Id String id,
    String conversationId,
    String username,
    String codeHash,
    String salt,
    int attempts,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant verifiedAt) {

  CodeVerification withAttempts(int attempts) {
    return new CodeVerification(
        id, conversationId, username, codeHash, salt, attempts, createdAt, expiresAt, verifiedAt);
  }

  CodeVerification verified(Instant at) {
    return new CodeVerification(
        id, conversationId, username, codeHash, salt, attempts, createdAt, expiresAt, at);
  }
}
