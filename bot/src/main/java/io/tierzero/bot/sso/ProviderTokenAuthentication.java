package io.tierzero.bot.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a signed JWT is, once its signature has been checked: the console's own session cookie (our
 * issuer, signed with the console secret) as before; a bearer token from the provider (signature
 * checked against the provider's JWKS) only when it names this service as its audience and its
 * holder is in the agent group; any other issuer is nobody. Without this, any valid token of the
 * provider, a person outside the group included, would count as signed in.
 *
 * <p>A token naming our own issuer must also be signed with the console secret (an HMAC): with
 * single sign-on on, a signature by one of the provider's keys verifies too, and a token the
 * provider signed with our issuer and a "roles" claim in it must not become a console session.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
@Requires(property = SingleSignOnConfiguration.ISSUER)
class ProviderTokenAuthentication extends DefaultJwtAuthenticationFactory {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderTokenAuthentication.class);

  private final SingleSignOnConfiguration config;
  private final AgentClaims agents;
  private final String ownIssuer;

  ProviderTokenAuthentication(
      TokenConfiguration tokenConfiguration,
      RolesFinder rolesFinder,
      SingleSignOnConfiguration config,
      AgentClaims agents,
      ApplicationConfiguration application) {
    super(tokenConfiguration, rolesFinder);
    this.config = config;
    this.agents = agents;
    // Micronaut's JWT generator writes the application name as the issuer of the tokens it signs.
    this.ownIssuer = application.getName().orElse(null);
  }

  @Override
  public Optional<Authentication> createAuthentication(JWT token) {
    Map<String, Object> claims;
    try {
      claims = token.getJWTClaimsSet().getClaims();
    } catch (ParseException e) {
      return Optional.empty();
    }
    var issuer = claims.get("iss") == null ? null : claims.get("iss").toString();
    if (config.isIssuer(issuer)) return fromProvider(token, claims);
    if (Objects.equals(ownIssuer, issuer)) {
      if (signedWithSecret(token)) return super.createAuthentication(token);
      LOG.debug(
          "Token refused: it names this service as issuer but is not signed with the console"
              + " secret");
      return Optional.empty();
    }
    LOG.debug("Token refused: issuer {} is neither this service nor {}", issuer, config.issuer());
    return Optional.empty();
  }

  private Optional<Authentication> fromProvider(JWT token, Map<String, Object> claims) {
    List<String> audience;
    try {
      audience = token.getJWTClaimsSet().getAudience();
    } catch (ParseException e) {
      return Optional.empty();
    }
    if (audience == null || !audience.contains(config.expectedAudience())) {
      LOG.debug(
          "Provider token refused: audience {} does not include {}",
          audience,
          config.expectedAudience());
      return Optional.empty();
    }
    return agents.agent(claims).map(agent -> Authentication.build(agent.name(), agent.roles()));
  }

  private static boolean signedWithSecret(JWT token) {
    return token instanceof SignedJWT signed
        && JWSAlgorithm.Family.HMAC_SHA.contains(signed.getHeader().getAlgorithm());
  }
}
