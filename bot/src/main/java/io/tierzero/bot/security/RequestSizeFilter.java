package io.tierzero.bot.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Locale;
import org.reactivestreams.Publisher;

/**
 * Turns away an oversized body on the public API from its declared length, before it is read, and
 * an address with a NUL character in it. A chunked body without a length is capped by {@code
 * micronaut.server.max-request-size}.
 */
@Filter("/api/**")
public class RequestSizeFilter implements HttpServerFilter {
  private final RequestSizeConfiguration configuration;

  RequestSizeFilter(RequestSizeConfiguration configuration) {
    this.configuration = configuration;
  }

  @Override
  public int getOrder() {
    // After the rate limits: a flood of big bodies is still a flood.
    return ServerFilterPhase.FIRST.after();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    if (request.getPath().startsWith("/api/agent/")) return chain.proceed(request);
    // PostgreSQL cannot hold a NUL in text, and no id, number or query has one: refuse it here
    // rather than let it reach a query.
    if (request.getUri().getRawPath().toLowerCase(Locale.ROOT).contains("%00")
        || request.getPath().indexOf('\0') >= 0
        || (request.getUri().getRawQuery() != null
            && request.getUri().getRawQuery().contains("%00"))) {
      return Publishers.just(
          HttpResponse.status(HttpStatus.BAD_REQUEST)
              .body(ApiErrors.of("The address contains a NUL character")));
    }
    var length = request.getContentLength();
    if (length > configuration.maxBodyBytes()) {
      return Publishers.just(
          HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
              .body(
                  ApiErrors.of(
                      "The request body is larger than "
                          + configuration.maxBodyBytes()
                          + " bytes")));
    }
    return chain.proceed(request);
  }
}
