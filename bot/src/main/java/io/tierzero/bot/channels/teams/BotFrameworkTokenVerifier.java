package io.tierzero.bot.channels.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that an activity comes from the Bot Connector, as Microsoft's "Authenticate requests from
 * the Bot Connector service" asks: a bearer JWT signed RS256 by a key from the OpenID metadata (and
 * endorsed for the activity's channel when the key names channels), issued by {@link #ISSUER} for
 * this bot's app id, within its validity give or take {@link #SKEW}, and naming in its {@code
 * serviceurl} claim the service URL the activity says to reply to. The last check is what keeps the
 * bot from sending tokens and replies wherever a request points it.
 */
final class BotFrameworkTokenVerifier {
  static final String ISSUER = "https://api.botframework.com";

  /** The clock skew Microsoft's own SDKs allow. */
  static final Duration SKEW = Duration.ofMinutes(5);

  private final BotFrameworkKeys keys;
  private final String appId;
  private final Clock clock;

  BotFrameworkTokenVerifier(BotFrameworkKeys keys, String appId, Clock clock) {
    this.keys = keys;
    this.appId = appId;
    this.clock = clock;
  }

  /**
   * Why the request is refused, for the log (never the token itself); empty when it is the
   * connector's.
   */
  Optional<String> refusal(
      @Nullable String authorization, @Nullable String serviceUrl, @Nullable String channelId) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))
      return Optional.of("no bearer token");
    if (serviceUrl == null) return Optional.of("the activity has no serviceUrl");
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(authorization.substring(7).strip());
    } catch (ParseException | RuntimeException e) {
      // Whatever the header holds, a refusal: never a 500 for a malformed token.
      return Optional.of("not a signed JWT");
    }
    var header = jwt.getHeader();
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()))
      return Optional.of("algorithm " + header.getAlgorithm() + " is not RS256");
    if (header.getKeyID() == null) return Optional.of("no key id");
    var key = keys.key(header.getKeyID());
    if (key.isEmpty()) return Optional.of("unknown key id " + header.getKeyID());
    try {
      if (!jwt.verify(new RSASSAVerifier(key.get().publicKey())))
        return Optional.of("bad signature");
    } catch (JOSEException e) {
      return Optional.of("signature not verifiable: " + e.getMessage());
    }
    if (!key.get().endorsements().isEmpty()
        && (channelId == null || !key.get().endorsements().contains(channelId))) {
      return Optional.of("key not endorsed for channel " + channelId);
    }
    try {
      var claims = jwt.getJWTClaimsSet();
      if (!ISSUER.equals(claims.getIssuer())) return Optional.of("issuer " + claims.getIssuer());
      if (claims.getAudience() == null || !claims.getAudience().contains(appId))
        return Optional.of("audience " + claims.getAudience());
      var now = Date.from(clock.instant());
      var exp = claims.getExpirationTime();
      if (exp == null || now.after(Date.from(exp.toInstant().plus(SKEW))))
        return Optional.of("expired");
      var nbf = claims.getNotBeforeTime();
      if (nbf != null && now.before(Date.from(nbf.toInstant().minus(SKEW))))
        return Optional.of("not valid yet");
      var claimed = claims.getStringClaim("serviceurl");
      if (claimed == null || !normal(claimed).equals(normal(serviceUrl)))
        return Optional.of("serviceUrl does not match the token's");
    } catch (ParseException e) {
      return Optional.of("unreadable claims");
    }
    return Optional.empty();
  }

  /**
   * Service URLs compare as the SDKs compare them: case aside, and with or without the final slash.
   */
  private static String normal(String url) {
    var lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
