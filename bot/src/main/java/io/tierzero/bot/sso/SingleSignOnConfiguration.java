package io.tierzero.bot.sso;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Single sign-on with an OpenID Connect provider, set by properties only ({@value #PREFIX}.*). Off
 * while {@code issuer} is empty: then no provider is contacted and agents sign in with the
 * passwords of {@code tierzero.security.agents} as before. application.yml hands issuer, client id
 * and secret to Micronaut Security's OpenID client named {@value #PROVIDER}.
 *
 * @param issuer the provider's issuer URL, e.g. {@code https://login.example.com/realms/staff} (its
 *     {@code /.well-known/openid-configuration} is read at start)
 * @param clientId this service's client id at the provider
 * @param agentGroup the group (or role) that makes someone an agent; nobody else gets in
 * @param groupsClaim the claim listing a person's groups; a dotted path reaches into an object,
 *     e.g. {@code realm_access.roles} for Keycloak's realm roles
 * @param usernameClaim the claim shown as the agent's name, falling back to {@code email}, then
 *     {@code sub}
 * @param audience the {@code aud} a bearer token for the agents' API must carry; the client id when
 *     empty (providers differ: some put the client id there, some an API identifier)
 */
@ConfigurationProperties(SingleSignOnConfiguration.PREFIX)
public record SingleSignOnConfiguration(
    @Nullable String issuer,
    @Nullable String clientId,
    @Nullable String agentGroup,
    @Bindable(defaultValue = DEFAULT_GROUPS_CLAIM) String groupsClaim,
    @Bindable(defaultValue = DEFAULT_USERNAME_CLAIM) String usernameClaim,
    @Nullable String audience) {
  public static final String PREFIX = "tierzero.console.oidc";

  /** The property whose presence turns single sign-on on. */
  public static final String ISSUER = PREFIX + ".issuer";

  /** The name of the OpenID client in application.yml: the sign-in starts at /oauth/login/sso. */
  public static final String PROVIDER = "sso";

  /** Where the console's sign-in button sends the browser. */
  public static final String LOGIN_PATH = "/oauth/login/" + PROVIDER;

  /** Micronaut Security's callback path, where the provider sends the browser back. */
  public static final String CALLBACK_PATH = "/oauth/callback/";

  /** The console page that tells a person outside the agent group why they were not let in. */
  public static final String REFUSED_PATH = "/console/sso-refused";

  /** The claim most providers (Keycloak, Okta, Authentik, Dex) use for group membership. */
  public static final String DEFAULT_GROUPS_CLAIM = "groups";

  public static final String DEFAULT_USERNAME_CLAIM = "preferred_username";

  public SingleSignOnConfiguration {
    issuer = blankToNull(issuer);
    clientId = blankToNull(clientId);
    agentGroup = blankToNull(agentGroup);
    audience = blankToNull(audience);
    if (issuer != null) {
      // One message naming every missing key, so the operator fixes them in one go.
      var missing = new StringBuilder();
      if (clientId == null) missing.append(' ').append(PREFIX).append(".client-id");
      if (agentGroup == null) missing.append(' ').append(PREFIX).append(".agent-group");
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "Single sign-on is configured ("
                + ISSUER
                + "="
                + issuer
                + ") but these settings are missing:"
                + missing);
      }
    }
  }

  /** Whether single sign-on is on. */
  public boolean enabled() {
    return issuer != null;
  }

  /** The audience bearer tokens must name. */
  public String expectedAudience() {
    return audience != null ? audience : clientId;
  }

  /**
   * Whether a token's {@code iss} claim names the provider. Issuers compare as URLs do in practice:
   * a trailing slash makes no difference. Never true with single sign-on off.
   */
  public boolean isIssuer(@Nullable Object claimed) {
    return issuer != null && claimed != null && strip(issuer).equals(strip(claimed.toString()));
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
