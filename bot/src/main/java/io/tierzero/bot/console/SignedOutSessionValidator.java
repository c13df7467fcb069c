package io.tierzero.bot.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Refuses a session token that was signed out ({@link SignedOutSessions}) or that has no id, so a
 * token made before sessions had ids cannot be kept alive past a sign-out either; its holder signs
 * in again once. Micronaut applies every {@link GenericJwtClaimsValidator} bean to each token it reads.
 */
@Singleton
class SignedOutSessionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
  private final SignedOutSessions signedOut;

  SignedOutSessionValidator(SignedOutSessions signedOut) {
    this.signedOut = signedOut;
  }

  @Override
  public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
    var jti = claims.get(Claims.TOKEN_ID);
    return jti != null && !jti.toString().isBlank() && !signedOut.contains(jti.toString());
  }
}
