package io.tierzero.bot.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The largest body a public API call may send, in bytes. 16 KiB holds a 2,000-character message
 * ({@code MessageRequest.MAX_TEXT}) in any script, a ticket's details and feedback with room to
 * spare; {@code micronaut.server.max-request-size} is the server-wide ceiling for everything else.
 */
@ConfigurationProperties(RequestSizeConfiguration.PREFIX)
public record RequestSizeConfiguration(@Bindable(defaultValue = "16384") long maxBodyBytes) {
  public static final String PREFIX = "tierzero.security.request-size";

  public RequestSizeConfiguration {
    if (maxBodyBytes < 1)
      throw new IllegalArgumentException(PREFIX + ".max-body-bytes must be at least 1");
  }
}
