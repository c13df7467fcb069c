package io.tierzero.bot.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URI;
import org.reactivestreams.Publisher;

/**
 * Turns a sign-in the {@link SignInThrottle} refused unchecked into an answer that says so: a
 * {@code 429} with {@code Retry-After} for the API, the sign-in page with a plain message for the
 * console form. Security itself only knows "failed".
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SignInThrottleFilter implements HttpServerFilter {
  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    return Publishers.map(
        chain.proceed(request),
        response -> {
          var seconds = request.getAttribute(SignInThrottle.RETRY_AFTER, Long.class).orElse(null);
          if (seconds == null) return (MutableHttpResponse<?>) response;
          if (request.getPath().equals("/console/login")) {
            return HttpResponse.seeOther(
                URI.create(
                    "/console/login?error=throttled&minutes=" + Math.max(1, (seconds + 59) / 60)));
          }
          return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
              .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
              .body(
                  ApiErrors.of(
                      "Too many failed sign-ins for this account or address; try again in "
                          + seconds
                          + " seconds"));
        });
  }
}
