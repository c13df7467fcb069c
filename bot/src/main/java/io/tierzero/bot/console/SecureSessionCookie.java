package io.tierzero.bot.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.tierzero.bot.security.ClientAddress;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Micronaut's session cookie, marked {@code Secure} whenever the agent signed in over TLS, also
 * when TLS ends at a trusted proxy ({@code X-Forwarded-Proto: https}): Micronaut alone only sees
 * TLS on its own socket, so behind a proxy the cookie would go out over plain HTTP too.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class SecureSessionCookie extends TokenCookieLoginHandler {
  private final ClientAddress clients;

  SecureSessionCookie(
      RedirectService redirectService,
      RedirectConfiguration redirectConfiguration,
      AccessTokenCookieConfiguration accessTokenCookieConfiguration,
      RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
      AccessTokenConfiguration accessTokenConfiguration,
      AccessRefreshTokenGenerator accessRefreshTokenGenerator,
      @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
      List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders,
      ClientAddress clients) {
    super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
        accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
    this.clients = clients;
  }

  @Override
  protected Cookie accessTokenCookie(AccessRefreshToken token, HttpRequest<?> request) {
    var cookie = super.accessTokenCookie(token, request);
    return clients.viaTls(request) ? cookie.secure(true) : cookie;
  }
}
