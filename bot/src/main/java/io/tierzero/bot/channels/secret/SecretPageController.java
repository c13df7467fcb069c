package io.tierzero.bot.channels.secret;

import static io.tierzero.kb.search.Snippets.escape;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.tierzero.bot.channels.ChannelAdapter;
import io.tierzero.bot.channels.ChannelConversations;
import io.tierzero.bot.channels.ChannelsConfiguration;
import io.tierzero.bot.channels.SecretOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The page a one-time link opens: a plain form that takes the password or code a chat platform
 * must never see, and continues the conversation's flow with it. Never cached ({@code no-store}).
 * A cross-site post cannot use it: the form carries a value that must match a {@code
 * SameSite=Strict} cookie set with the form (double submit), and a foreign {@code Origin} is
 * refused. Whatever was typed goes to the turn and nowhere else: not into a page, a log or an
 * error message.
 */
@Controller(SecretLinks.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class SecretPageController {
  static final String COOKIE = "TZ_SECRET_FORM";
  static final String FIELD_SECRET = "secret";
  static final String FIELD_CSRF = "csrf";
  /** Far beyond any password; more is not an answer. */
  static final int MAX_SECRET = 500;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretLinks links;
  private final ChannelConversations conversations;
  private final Map<String, ChannelAdapter> adapters;
  private final ChannelsConfiguration config;

  SecretPageController(
      SecretLinks links, ChannelConversations conversations, List<ChannelAdapter> adapters, ChannelsConfiguration config) {
    this.links = links;
    this.conversations = conversations;
    this.adapters = adapters.stream().collect(Collectors.toMap(ChannelAdapter::name, Function.identity()));
    this.config = config;
  }

  @Get("/{token}")
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<String> form(String token) {
    var link = links.usable(token);
    if (link.isEmpty()) return gone();
    return withForm(HttpStatus.OK, List.of(), token, link.get());
  }

  @Post("/{token}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<String> submit(String token, HttpRequest<?> request, @Body Map<String, String> form) {
    var link = links.usable(token);
    if (link.isEmpty()) return gone();
    if (!sameSite(request, form.get(FIELD_CSRF))) {
      return page(HttpStatus.FORBIDDEN, "Open the link again",
          "<p>This form was not sent from the page the link opened. Open the link from the chat again.</p>");
    }
    var secret = form.get(FIELD_SECRET);
    if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET) {
      var problem = secret == null || secret.isEmpty() ? "Type your answer first." : "That is too long to be the answer.";
      return withForm(HttpStatus.BAD_REQUEST, List.of(problem), token, link.get());
    }
    var used = links.use(token);
    if (used.isEmpty()) return gone();
    var adapter = adapters.get(used.get().channel());
    var conversation = conversations.byConversation(used.get().conversationId());
    if (adapter == null || conversation.isEmpty()) return gone();
    Optional<SecretOutcome> outcome = adapter.secretGiven(conversation.get(), secret);
    if (outcome.isEmpty()) return gone();
    var next = outcome.get().nextLink();
    if (next != null) {
      var nextToken = next.substring(next.lastIndexOf('/') + 1);
      var nextLink = links.usable(nextToken);
      if (nextLink.isPresent()) return withForm(HttpStatus.OK, outcome.get().said(), nextToken, nextLink.get());
    }
    var body = new StringBuilder();
    outcome.get().said().forEach(s -> body.append("<p>").append(escape(s)).append("</p>\n"));
    body.append("<p>You can close this page and go back to the chat: the same messages are there.</p>");
    return page(HttpStatus.OK, "Thank you", body);
  }

  private MutableHttpResponse<String> withForm(
      HttpStatus status, List<String> said, String token, SecretLink link) {
    var nonce = nonce();
    boolean code = "code".equals(link.inputType());
    var body = new StringBuilder();
    said.forEach(s -> body.append("<p role=\"status\">").append(escape(s)).append("</p>\n"));
    body.append("<form method=\"post\" action=\"").append(SecretLinks.PATH).append(token).append("\" autocomplete=\"off\">\n")
        .append("<input type=\"hidden\" name=\"").append(FIELD_CSRF).append("\" value=\"").append(nonce).append("\">\n")
        .append("<p><label for=\"tz-secret\">").append(escape(link.prompt())).append("</label></p>\n")
        .append("<p><input id=\"tz-secret\" name=\"").append(FIELD_SECRET).append("\" required maxlength=\"").append(MAX_SECRET).append("\" ")
        .append(code
            ? "type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\""
            : "type=\"password\" autocomplete=\"new-password\"")
        .append(" autofocus></p>\n")
        .append("<p><button type=\"submit\">Send</button></p>\n</form>\n")
        .append("<p class=\"note\">What you type here goes to the IT support bot only: not to the chat, and it is not stored.")
        .append(" This link works once and expires in ").append(config.secretLinkTtl().toMinutes()).append(" minutes.</p>");
    var cookie = Cookie.of(COOKIE, nonce)
        .path(SecretLinks.PATH)
        .httpOnly(true)
        .sameSite(SameSite.Strict)
        .secure(config.publicUrl().startsWith("https://"))
        .maxAge(config.secretLinkTtl());
    return page(status, code ? "Your code" : "Your new password", body).cookie(cookie);
  }

  private MutableHttpResponse<String> gone() {
    return page(HttpStatus.NOT_FOUND, "This link no longer works",
        "<p>This link was already used or has expired. Go back to the chat and ask again; you will get a new link.</p>");
  }

  /** The form's value matches the cookie set with it, and no other site's page posted it. */
  private boolean sameSite(HttpRequest<?> request, @Nullable String given) {
    var origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin != null && !origin.equals("null")) {
      var authority = authority(origin);
      var host = request.getHeaders().get(HttpHeaders.HOST);
      if (authority == null || !(authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(authority(config.publicUrl())))) return false;
    }
    var cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
    if (cookie == null || given == null) return false;
    return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static @Nullable String authority(String url) {
    try {
      return URI.create(url).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String nonce() {
    var bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static MutableHttpResponse<String> page(HttpStatus status, String title, CharSequence body) {
    var html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"referrer\" content=\"no-referrer\">"
        + "<title>" + escape(title) + " · IT support</title><style>"
        + "body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}"
        + "input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}button{font:inherit;padding:.4rem 1rem}"
        + ".note{color:#555;font-size:.9rem}"
        + "</style></head>\n<body><main>\n<h1>" + escape(title) + "</h1>\n" + body + "\n</main></body></html>\n";
    return HttpResponse.<String>status(status)
        .body(html)
        .contentType(MediaType.TEXT_HTML_TYPE)
        // The page may show the bot's words about an account; nothing keeps a copy.
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
