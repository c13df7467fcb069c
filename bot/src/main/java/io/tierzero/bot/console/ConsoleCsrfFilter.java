package io.tierzero.bot.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tierzero.bot.security.ApiErrors;

/**
 * Refuses a console post (sign-in, sign-out and any form under {@code /console}) whose {@value
 * ConsoleCsrf#FIELD} field is missing or not the token {@link ConsoleCsrf} made for this browser's
 * session or sign-in page. The check stands beside {@link ConsoleOriginFilter}: a browser that
 * sends no {@code Origin}, or a proxy that rewrites {@code Host}, still has to show the token. Runs
 * after security, which has read the session by then.
 */
@ServerFilter("/console/**")
class ConsoleCsrfFilter implements Ordered {
  static final String REFUSED =
      "This form was not sent from a current console page (it may have been open too long, or come"
          + " from another site): reload the page and send it again";

  private final ConsoleCsrf csrf;
  private final FilterBodyParser bodies;

  ConsoleCsrfFilter(ConsoleCsrf csrf, FilterBodyParser bodies) {
    this.csrf = csrf;
    this.bodies = bodies;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  /** {@code null} lets the request through. Blocking: it waits for the form's body to arrive. */
  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable HttpResponse<?> check(HttpRequest<?> request) {
    var method = request.getMethod();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS)
      return null;
    var expected = csrf.expected(request);
    if (expected.isEmpty()) return refused();
    var given = bodies.parseBody(request).join().get(ConsoleCsrf.FIELD);
    return ConsoleCsrf.matches(expected.get(), given == null ? null : given.toString())
        ? null
        : refused();
  }

  private static HttpResponse<?> refused() {
    return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiErrors.of(REFUSED));
  }
}
