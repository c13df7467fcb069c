package io.tierzero.bot.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.tierzero.bot.sso.SingleSignOnConfiguration;
import jakarta.inject.Singleton;

/**
 * Refuses a session token that was signed out ({@link SignedOutSessions}) or that has no id, so a
 * token made before sessions had ids cannot be kept alive past a sign-out either; its holder signs
 * in again once. Micronaut applies every {@link GenericJwtClaimsValidator} bean to each token it
 * reads, the single sign-on provider's bearer tokens included: those are no console session
 * (nothing here signs them out, and providers need not give them a {@code jti}), so they are left
 * to the rules of {@code io.tierzero.bot.sso.ProviderTokenAuthentication}.
 */
@Singleton
class SignedOutSessionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {
  private final SignedOutSessions signedOut;
  private final SingleSignOnConfiguration sso;

  SignedOutSessionValidator(SignedOutSessions signedOut, SingleSignOnConfiguration sso) {
    this.signedOut = signedOut;
    this.sso = sso;
  }

  @Override
  public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
    if (sso.isIssuer(claims.get(Claims.ISSUER))) return true;
    var jti = claims.get(Claims.TOKEN_ID);
    return jti != null && !jti.toString().isBlank() && !signedOut.contains(jti.toString());
  }
}
