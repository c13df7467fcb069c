package io.tierzero.bot.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to an exception nothing else handled. Micronaut's default puts the exception's message
 * in the body, and a database error's message quotes SQL and values; this one logs the exception
 * under a short reference and sends only the reference. A database that cannot be reached is a
 * {@code 503} with {@code Retry-After}, since trying again shortly is the right move. Exceptions
 * with their own handler (bad JSON, validation, HTTP statuses, security) keep it.
 */
@Singleton
@Produces
@Requires(classes = {Exception.class, ExceptionHandler.class})
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

  /** Seconds a client waits before trying again while the database is away. */
  static final int RETRY_AFTER_SECONDS = 5;

  @Override
  public HttpResponse<?> handle(HttpRequest request, Exception exception) {
    var reference = UUID.randomUUID().toString().substring(0, 8);
    if (databaseUnavailable(exception)) {
      LOG.warn(
          "{} {} failed (reference {}): database unavailable: {}",
          request.getMethod(),
          request.getPath(),
          reference,
          rootMessage(exception));
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
          .body(
              ApiErrors.of(
                  "The service cannot save right now; try again in a few seconds (reference "
                      + reference
                      + ")"));
    }
    LOG.error(
        "{} {} failed (reference {})",
        request.getMethod(),
        request.getPath(),
        reference,
        exception);
    return HttpResponse.serverError(ApiErrors.of("Internal error (reference " + reference + ")"));
  }

  /** A connection that could not be had or was lost, as opposed to a bad statement. */
  public static boolean databaseUnavailable(Throwable exception) {
    for (var t = exception; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) return true;
      // SQL state class 08: connection exception (PostgreSQL, H2 and the standard agree).
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) return true;
      if (t instanceof ConnectException) return true;
      // Micronaut Data could not get or prepare a connection (a pooled one that died with the
      // link).
      if (t instanceof ConnectionException) return true;
      if (t.getCause() == t) break;
    }
    return false;
  }

  private static String rootMessage(Throwable exception) {
    var t = exception;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
