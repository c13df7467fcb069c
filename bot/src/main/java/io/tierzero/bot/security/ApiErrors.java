package io.tierzero.bot.security;

import io.micronaut.http.hateoas.JsonError;

/**
 * Error bodies in the same JSON shape Micronaut uses for its own errors ({@code {"message": …}}).
 */
public final class ApiErrors {
  private ApiErrors() {}

  public static JsonError of(String message) {
    return new JsonError(message);
  }
}
