package io.tierzero.bot.channels.secret;

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
import io.tierzero.bot.pages.View;
import io.tierzero.bot.pages.Words;
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
 * The page a one-time link opens: a plain form that takes the password or code a chat platform must
 * never see, and continues the conversation's flow with it. Never cached ({@code no-store}). A
 * cross-site post cannot use it: the form carries a value that must match a {@code SameSite=Strict}
 * cookie set with the form (double submit), and a foreign {@code Origin} is refused. Whatever was
 * typed goes to the turn and nowhere else: not into a page, a log or an error message.
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
  private final Words words;

  SecretPageController(
      SecretLinks links,
      ChannelConversations conversations,
      List<ChannelAdapter> adapters,
      ChannelsConfiguration config,
      Words words) {
    this.words = words;
    this.links = links;
    this.conversations = conversations;
    this.adapters =
        adapters.stream().collect(Collectors.toMap(ChannelAdapter::name, Function.identity()));
    this.config = config;
  }

  @Get("/{token}")
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<?> form(String token) {
    var link = links.usable(token);
    if (link.isEmpty()) return gone();
    return withForm(HttpStatus.OK, List.of(), token, link.get());
  }

  @Post("/{token}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<?> submit(String token, HttpRequest<?> request, @Body Map<String, String> form) {
    var link = links.usable(token);
    if (link.isEmpty()) return gone();
    if (!sameSite(request, form.get(FIELD_CSRF))) {
      return page(
          HttpStatus.FORBIDDEN,
          words.get("channels.secret.cross-site.title"),
          List.of(),
          words.get("channels.secret.cross-site"));
    }
    var secret = form.get(FIELD_SECRET);
    if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET) {
      var problem =
          secret == null || secret.isEmpty()
              ? words.get("channels.secret.empty")
              : words.get("channels.secret.too-long");
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
      if (nextLink.isPresent())
        return withForm(HttpStatus.OK, outcome.get().said(), nextToken, nextLink.get());
    }
    return page(
        HttpStatus.OK,
        words.get("channels.secret.done.title"),
        outcome.get().said(),
        words.get("channels.secret.done"));
  }

  private MutableHttpResponse<?> withForm(
      HttpStatus status, List<String> said, String token, SecretLink link) {
    var nonce = nonce();
    boolean code = "code".equals(link.inputType());
    var title = words.get(code ? "channels.secret.title.code" : "channels.secret.title.password");
    var view =
        View.of(
            "secret/form",
            "t",
            words,
            "title",
            title,
            "said",
            said,
            "action",
            SecretLinks.PATH + token,
            "csrfField",
            FIELD_CSRF,
            "nonce",
            nonce,
            "secretField",
            FIELD_SECRET,
            "prompt",
            link.prompt(),
            "maxLength",
            MAX_SECRET,
            "code",
            code,
            "minutes",
            config.secretLinkTtl().toMinutes());
    var cookie =
        Cookie.of(COOKIE, nonce)
            .path(SecretLinks.PATH)
            .httpOnly(true)
            .sameSite(SameSite.Strict)
            .secure(config.publicUrl().startsWith("https://"))
            .maxAge(config.secretLinkTtl());
    return noStore(HttpResponse.status(status).body(view)).cookie(cookie);
  }

  private MutableHttpResponse<?> gone() {
    return page(
        HttpStatus.NOT_FOUND,
        words.get("channels.secret.gone.title"),
        List.of(),
        words.get("channels.secret.gone"));
  }

  /** The form's value matches the cookie set with it, and no other site's page posted it. */
  private boolean sameSite(HttpRequest<?> request, @Nullable String given) {
    var origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin != null && !origin.equals("null")) {
      var authority = authority(origin);
      var host = request.getHeaders().get(HttpHeaders.HOST);
      if (authority == null
          || !(authority.equalsIgnoreCase(host)
              || authority.equalsIgnoreCase(authority(config.publicUrl())))) return false;
    }
    var cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
    if (cookie == null || given == null) return false;
    return MessageDigest.isEqual(
        cookie.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
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

  /** A page that only says something: the bot's words, if any, then {@code text}. */
  private MutableHttpResponse<?> page(
      HttpStatus status, String title, List<String> said, String text) {
    return noStore(
        HttpResponse.status(status)
            .body(View.of("secret/message", "title", title, "said", said, "text", text)));
  }

  private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
    return response
        .contentType(MediaType.TEXT_HTML_TYPE)
        // The page may show the bot's words about an account; nothing keeps a copy.
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
