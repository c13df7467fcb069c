package io.tierzero.bot.sso;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;

/**
 * The console's cookie sign-in, unchanged for passwords. For single sign-on: a person the provider
 * signed in but who is not in the agent group lands on a page saying so, not on "username and
 * password did not match"; and an agent reaches the console through a page of our own. The
 * provider's redirect to the callback is a cross-site navigation, and browsers hold back
 * SameSite=Strict cookies for the rest of that redirect chain: a plain redirect from the callback
 * to the console would arrive without the session cookie just set and show the sign-in form again.
 * A refresh from our own page starts a same-site navigation. Only with single sign-on on;
 * otherwise Micronaut's own handler runs.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
@Requires(property = SingleSignOnConfiguration.ISSUER)
class RefusalLoginHandler extends TokenCookieLoginHandler {
  /** Micronaut Security's default callback path, where the provider sends the browser back. */
  static final String CALLBACK_PATH = "/oauth/callback/";

  RefusalLoginHandler(
      RedirectService redirectService,
      RedirectConfiguration redirectConfiguration,
      AccessTokenCookieConfiguration accessTokenCookieConfiguration,
      RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
      AccessTokenConfiguration accessTokenConfiguration,
      AccessRefreshTokenGenerator accessRefreshTokenGenerator,
      @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
      List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders) {
    super(
        redirectService,
        redirectConfiguration,
        accessTokenCookieConfiguration,
        refreshTokenCookieConfiguration,
        accessTokenConfiguration,
        accessRefreshTokenGenerator,
        priorToLoginPersistence,
        loginCookieProviders);
  }

  @Override
  public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
    var response = super.loginSuccess(authentication, request);
    var location = response.getHeaders().get(HttpHeaders.LOCATION);
    if (!request.getPath().startsWith(CALLBACK_PATH) || location == null) return response;
    var target = escape(location);
    MutableHttpResponse<String> page =
        HttpResponse.ok(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed in</title>"
                    + "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\"></head>"
                    + "<body><p>Signed in. <a href=\"" + target + "\">Continue to the console</a>.</p></body></html>")
            .contentType(MediaType.TEXT_HTML_TYPE);
    // The session cookie (and the cleared sign-in cookies) that Micronaut's handler set.
    for (var cookie : response.getHeaders().getAll(HttpHeaders.SET_COOKIE)) page.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
    return page;
  }

  @Override
  public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
    if (failure instanceof AgentGroupMapper.NotAnAgent) return HttpResponse.seeOther(URI.create(SingleSignOnConfiguration.REFUSED_PATH));
    return super.loginFailed(failure, request);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
