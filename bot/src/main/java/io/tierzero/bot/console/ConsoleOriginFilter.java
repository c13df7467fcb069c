package io.tierzero.bot.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.tierzero.bot.security.ApiErrors;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.reactivestreams.Publisher;

/**
 * Refuses console form posts sent from another site: a browser names the page's origin in {@code
 * Origin} on every cross-site POST, and {@code null} for sandboxed frames and some redirects. Only
 * a post whose origin is this host (as the request's {@code Host} names it) or that carries none
 * (not a browser) reaches sign-in, sign-out and the console's forms, so another page cannot sign an
 * agent in as the attacker or out. Behind a proxy that rewrites {@code Host}, list the console's
 * public origins in {@code tierzero.security.console-origins}.
 */
@Filter("/console/**")
public class ConsoleOriginFilter implements HttpServerFilter {
  private final List<String> allowed;

  ConsoleOriginFilter(@Value("${tierzero.security.console-origins:}") List<String> allowed) {
    this.allowed =
        allowed.stream()
            .map(o -> o.strip().toLowerCase(Locale.ROOT))
            .filter(o -> !o.isEmpty())
            .toList();
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before() - 1;
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    if (safe(request.getMethod())) return chain.proceed(request);
    var origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin == null
        || sameHost(origin, request.getHeaders().get(HttpHeaders.HOST))
        || allowed.contains(origin.strip().toLowerCase(Locale.ROOT))) {
      return chain.proceed(request);
    }
    return Publishers.just(
        HttpResponse.status(HttpStatus.FORBIDDEN)
            .body(ApiErrors.of("This form can only be sent from the console's own pages")));
  }

  private static boolean safe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }

  static boolean sameHost(String origin, String host) {
    if (host == null || origin.equalsIgnoreCase("null")) return false;
    try {
      var uri = URI.create(origin.strip());
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) return false;
      var authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return authority
          .toLowerCase(Locale.ROOT)
          .equals(withoutDefaultPort(host.strip().toLowerCase(Locale.ROOT), uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String withoutDefaultPort(String host, String scheme) {
    if ("http".equals(scheme) && host.endsWith(":80")) return host.substring(0, host.length() - 3);
    if ("https".equals(scheme) && host.endsWith(":443"))
      return host.substring(0, host.length() - 4);
    return host;
  }
}
