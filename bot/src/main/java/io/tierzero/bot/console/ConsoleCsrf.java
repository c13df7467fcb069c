package io.tierzero.bot.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.tierzero.bot.security.ClientAddress;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console forms' CSRF tokens: an HMAC of what the form belongs to, put in a hidden field and
 * checked by {@link ConsoleCsrfFilter}. A signed-in agent's forms are bound to the session's token
 * id, so a token is worthless in another session and ends with its own; the sign-in form, sent
 * before there is a session, is bound to a random {@value #SIGN_IN_COOKIE} cookie the form's page
 * sets. Another site can make a browser post but cannot read the page, so it cannot know either
 * token, and it cannot forge one without the key. The key comes from the session signing secret
 * ({@code TIERZERO_CONSOLE_SECRET}), so every instance accepts the others' tokens.
 */
@Singleton
public class ConsoleCsrf {
  /** The hidden field every console form carries. */
  public static final String FIELD = "csrf";

  /** The cookie the sign-in form's token is bound to. */
  public static final String SIGN_IN_COOKIE = "TZ_SIGNIN";

  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final byte[] key;
  private final ClientAddress clients;
  private final SecureRandom random = new SecureRandom();

  ConsoleCsrf(
      @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret,
      ClientAddress clients) {
    // A key of its own, derived from the secret, so a CSRF token is never also a valid signature.
    this.key = hmac(secret.getBytes(StandardCharsets.UTF_8), "tierzero console csrf");
    this.clients = clients;
  }

  /** The token for forms of this signed-in session; empty without a session (HTTP Basic). */
  Optional<String> forSession(Authentication authentication) {
    return SignedOutSessions.tokenId(authentication).map(id -> sign("session:" + id));
  }

  /**
   * The token for the sign-in form of the browser holding {@code nonce} in {@value
   * #SIGN_IN_COOKIE}.
   */
  String forSignIn(String nonce) {
    return sign("sign-in:" + nonce);
  }

  /** The token a post to {@code request}'s path must carry, when it can carry one at all. */
  Optional<String> expected(HttpRequest<?> request) {
    if (request.getPath().equals("/console/login")) {
      return signInNonce(request).map(this::forSignIn);
    }
    return request.getUserPrincipal(Authentication.class).flatMap(this::forSession);
  }

  /** The browser's sign-in nonce, if it sent a well-formed one. */
  Optional<String> signInNonce(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(SIGN_IN_COOKIE)
        .map(Cookie::getValue)
        .filter(v -> NONCE.matcher(v).matches());
  }

  /** A new sign-in nonce cookie: for the sign-in page only, never readable by scripts. */
  Cookie newSignInCookie(HttpRequest<?> request) {
    var bytes = new byte[16];
    random.nextBytes(bytes);
    return Cookie.of(SIGN_IN_COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
        .path("/console")
        .httpOnly(true)
        .sameSite(SameSite.Strict)
        .secure(clients.viaTls(request));
  }

  static boolean matches(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private String sign(String binding) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, binding));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
