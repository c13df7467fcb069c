package io.tierzero.bot.console;

import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Gives every console session token an id (the JWT's {@code jti}; Micronaut sets none unless a bean
 * like this exists), so signing out can name the one session it ends and a CSRF token can be bound
 * to it. 128 random bits: not guessable, so a made-up token id matches no session.
 */
@Singleton
class SessionIds implements JtiGenerator {
  private final SecureRandom random = new SecureRandom();

  @Override
  public String generateJtiClaim() {
    var bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
