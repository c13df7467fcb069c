package io.tierzero.bot.sso;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.oauth2.client.clientcredentials.ClientCredentialsConfiguration;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.security.oauth2.configuration.OpenIdClientConfiguration;
import io.micronaut.security.oauth2.configuration.endpoints.AuthorizationEndpointConfiguration;
import io.micronaut.security.oauth2.configuration.endpoints.EndSessionEndpointConfiguration;
import io.micronaut.security.oauth2.configuration.endpoints.EndpointConfiguration;
import io.micronaut.security.oauth2.configuration.endpoints.OauthAuthorizationEndpointConfiguration;
import io.micronaut.security.oauth2.configuration.endpoints.SecureEndpointConfiguration;
import io.micronaut.security.oauth2.configuration.endpoints.TokenEndpointConfiguration;
import io.micronaut.security.oauth2.grants.GrantType;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Micronaut Security's OpenID client {@value SingleSignOnConfiguration#PROVIDER}, made from {@code
 * tierzero.console.oidc.*} only when an issuer is set. Declaring the client in application.yml
 * instead would make it exist on every start: Micronaut fetches each client's discovery document at
 * start-up whether or not it has an issuer, so an unconfigured one would fail the start. Everything
 * else comes from the provider's discovery document (endpoints, JWKS).
 */
@Factory
@Requires(property = SingleSignOnConfiguration.ISSUER)
class ProviderClientFactory {
  static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

  @Singleton
  @Named(SingleSignOnConfiguration.PROVIDER)
  OauthClientConfiguration client(
      SingleSignOnConfiguration config,
      @Named(SingleSignOnConfiguration.PROVIDER) OpenIdClientConfiguration openid,
      @Value("${" + SingleSignOnConfiguration.PREFIX + ".client-secret:}") @Nullable String secret,
      @Value("${" + SingleSignOnConfiguration.PREFIX + ".scopes:openid,profile,email}")
          String scopes) {
    var scopeList = Arrays.stream(scopes.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    return new Client(config.clientId(), secret == null ? "" : secret, scopeList, openid);
  }

  @Singleton
  @Named(SingleSignOnConfiguration.PROVIDER)
  OpenIdClientConfiguration openid(SingleSignOnConfiguration config) {
    try {
      return new OpenId(URI.create(config.issuer()).toURL());
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          SingleSignOnConfiguration.ISSUER + " is not a URL: " + config.issuer(), e);
    }
  }

  private record Client(
      String clientId, String clientSecret, List<String> scopes, OpenIdClientConfiguration openid)
      implements OauthClientConfiguration {
    @Override
    public String getName() {
      return SingleSignOnConfiguration.PROVIDER;
    }

    @Override
    public String getClientId() {
      return clientId;
    }

    @Override
    public String getClientSecret() {
      return clientSecret;
    }

    @Override
    public List<String> getScopes() {
      return scopes;
    }

    @Override
    public GrantType getGrantType() {
      return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public Optional<SecureEndpointConfiguration> getToken() {
      return Optional.empty();
    }

    @Override
    public Optional<OauthAuthorizationEndpointConfiguration> getAuthorization() {
      return Optional.empty();
    }

    @Override
    public Optional<ClientCredentialsConfiguration> getClientCredentials() {
      return Optional.empty();
    }

    @Override
    public Optional<SecureEndpointConfiguration> getIntrospection() {
      return Optional.empty();
    }

    @Override
    public Optional<SecureEndpointConfiguration> getRevocation() {
      return Optional.empty();
    }

    @Override
    public Optional<OpenIdClientConfiguration> getOpenid() {
      return Optional.of(openid);
    }

    @Override
    public String toString() {
      // Never the secret.
      return "OauthClientConfiguration["
          + SingleSignOnConfiguration.PROVIDER
          + ", "
          + clientId
          + "]";
    }
  }

  private record OpenId(URL issuer) implements OpenIdClientConfiguration {
    @Override
    public String getName() {
      return SingleSignOnConfiguration.PROVIDER;
    }

    @Override
    public Optional<URL> getIssuer() {
      return Optional.of(issuer);
    }

    @Override
    public String getConfigurationPath() {
      return DISCOVERY_PATH;
    }

    @Override
    public Optional<String> getJwksUri() {
      return Optional.empty();
    }

    @Override
    public Optional<EndpointConfiguration> getRegistration() {
      return Optional.empty();
    }

    @Override
    public Optional<EndpointConfiguration> getUserInfo() {
      return Optional.empty();
    }

    @Override
    public Optional<AuthorizationEndpointConfiguration> getAuthorization() {
      return Optional.empty();
    }

    @Override
    public Optional<TokenEndpointConfiguration> getToken() {
      return Optional.empty();
    }

    @Override
    public EndSessionEndpointConfiguration getEndSession() {
      // Signing out of the console ends the console's session only, not the provider's.
      return new EndSessionEndpointConfiguration() {
        @Override
        public Optional<String> getUrl() {
          return Optional.empty();
        }

        @Override
        public boolean isEnabled() {
          return false;
        }
      };
    }
  }
}
