package io.tierzero.bot.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
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
import io.tierzero.bot.pages.View;
import io.tierzero.bot.security.ClientAddress;
import io.tierzero.bot.sso.NotAnAgent;
import io.tierzero.bot.sso.SingleSignOnConfiguration;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;

/**
 * The console's one sign-in handler, for passwords and single sign-on alike: Micronaut's session
 * cookie, with three changes.
 *
 * <ul>
 *   <li>The cookie is {@code Secure} whenever the agent signed in over TLS, also when TLS ends at a
 *       trusted proxy ({@code X-Forwarded-Proto: https}): Micronaut alone only sees TLS on its own
 *       socket, so behind a proxy the cookie would go out over plain HTTP too.
 *   <li>After the provider's redirect to the single sign-on callback, the agent reaches the console
 *       through a page of our own. That redirect is a cross-site navigation, and browsers hold back
 *       SameSite=Strict cookies for the rest of its redirect chain: a plain redirect from the
 *       callback to the console would arrive without the session cookie just set and show the
 *       sign-in form again. A refresh from our own page starts a same-site navigation.
 *   <li>A person the provider signed in but who is not in the agent group ({@link NotAnAgent})
 *       lands on a page saying so, not on "username and password did not match".
 * </ul>
 *
 * There must be only one such handler: Micronaut's {@code @Replaces} also replaces subclasses of
 * the replaced type, so two handlers that both replace {@link TokenCookieLoginHandler} remove each
 * other, and then neither the sign-in form nor single sign-on has a handler at all.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class ConsoleLoginHandler extends TokenCookieLoginHandler {
  private final ClientAddress clients;

  ConsoleLoginHandler(
      RedirectService redirectService,
      RedirectConfiguration redirectConfiguration,
      AccessTokenCookieConfiguration accessTokenCookieConfiguration,
      RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
      AccessTokenConfiguration accessTokenConfiguration,
      AccessRefreshTokenGenerator accessRefreshTokenGenerator,
      @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
      List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders,
      ClientAddress clients) {
    super(
        redirectService,
        redirectConfiguration,
        accessTokenCookieConfiguration,
        refreshTokenCookieConfiguration,
        accessTokenConfiguration,
        accessRefreshTokenGenerator,
        priorToLoginPersistence,
        loginCookieProviders);
    this.clients = clients;
  }

  @Override
  protected Cookie accessTokenCookie(AccessRefreshToken token, HttpRequest<?> request) {
    var cookie = super.accessTokenCookie(token, request);
    return clients.viaTls(request) ? cookie.secure(true) : cookie;
  }

  @Override
  public MutableHttpResponse<?> loginSuccess(
      Authentication authentication, HttpRequest<?> request) {
    var response = super.loginSuccess(authentication, request);
    var location = response.getHeaders().get(HttpHeaders.LOCATION);
    if (!request.getPath().startsWith(SingleSignOnConfiguration.CALLBACK_PATH) || location == null)
      return response;
    MutableHttpResponse<?> page =
        HttpResponse.ok(View.of("console/signed-in", "target", location))
            .contentType(MediaType.TEXT_HTML_TYPE);
    // The session cookie (and the cleared sign-in cookies) that Micronaut's handler set.
    for (var cookie : response.getHeaders().getAll(HttpHeaders.SET_COOKIE))
      page.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
    return page;
  }

  @Override
  public MutableHttpResponse<?> loginFailed(
      AuthenticationResponse failure, HttpRequest<?> request) {
    if (failure instanceof NotAnAgent)
      return HttpResponse.seeOther(URI.create(SingleSignOnConfiguration.REFUSED_PATH));
    return super.loginFailed(failure, request);
  }
}
