package io.tierzero.bot.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.tierzero.bot.pages.View;
import io.tierzero.bot.sso.SingleSignOnConfiguration;

/**
 * The console's sign-in form. It posts to Micronaut Security's login endpoint at the same path,
 * which checks the agent's password ({@code AgentAuthenticationProvider}) and sets the session
 * cookie; the password is never stored or logged here.
 */
@Controller("/console/login")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
class ConsoleLoginController {
  private final ConsoleCsrf csrf;
  private final SingleSignOnConfiguration sso;

  ConsoleLoginController(ConsoleCsrf csrf, SingleSignOnConfiguration sso) {
    this.csrf = csrf;
    this.sso = sso;
  }

  /**
   * The form, with a CSRF token bound to this browser's sign-in cookie (set here when missing), so
   * only a post from this page signs in: another site cannot sign an agent in as the attacker.
   */
  @Get
  HttpResponse<?> form(
      HttpRequest<?> request,
      @QueryValue @Nullable String error,
      @QueryValue @Nullable Integer minutes,
      @QueryValue("signed-out") @Nullable String signedOut) {
    var nonce = csrf.signInNonce(request);
    var cookie = nonce.isPresent() ? null : csrf.newSignInCookie(request);
    var token = csrf.forSignIn(nonce.orElseGet(() -> cookie.getValue()));
    var page =
        View.of(
            "console/login",
            "csrf",
            token,
            "error",
            error,
            "minutes",
            minutes == null || minutes < 1 ? 1 : Math.min(minutes, 1440),
            "signedOut",
            signedOut != null,
            "ssoPath",
            sso.enabled() ? SingleSignOnConfiguration.LOGIN_PATH : null);
    var response = HttpResponse.ok(page);
    return cookie == null ? response : response.cookie(cookie);
  }
}
