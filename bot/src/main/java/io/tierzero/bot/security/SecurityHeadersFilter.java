package io.tierzero.bot.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/**
 * Security headers on every response, errors and redirects included: {@code nosniff} and a referrer
 * policy everywhere, and a Content-Security-Policy. The policy allows scripts from this origin
 * only, so even HTML that slipped past the article sanitiser cannot run a script; inline {@code
 * <style>} stays allowed because the pages carry their CSS inline.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements HttpServerFilter {
  static final String CSP = "Content-Security-Policy";

  private final String pagePolicy;
  private final String swaggerPolicy;
  private final String referrerPolicy;

  SecurityHeadersFilter(SecurityHeadersConfiguration configuration) {
    var common =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src"
            + " 'none'; base-uri 'self'; form-action 'self'; frame-ancestors "
            + configuration.frameAncestors();
    this.pagePolicy = common + "; script-src 'self'";
    // Swagger UI's page starts itself with an inline script; it shows documentation only.
    this.swaggerPolicy = common + "; script-src 'self' 'unsafe-inline'";
    this.referrerPolicy = configuration.referrerPolicy();
  }

  @Override
  public int getOrder() {
    // Outermost: response filters run in reverse, so this one sees the final response.
    return ServerFilterPhase.FIRST.before();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    return Publishers.map(
        chain.proceed(request),
        response -> {
          var headers = response.getHeaders();
          headers.set("X-Content-Type-Options", "nosniff");
          headers.set("Referrer-Policy", referrerPolicy);
          // On every type, not only HTML: a JSON or text body a browser is tricked into rendering
          // gets the same policy.
          headers.set(
              CSP, request.getPath().startsWith("/swagger-ui") ? swaggerPolicy : pagePolicy);
          return response;
        });
  }
}
