package io.tierzero.bot.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Headers on every response. {@code frameAncestors} is the CSP {@code frame-ancestors} source list:
 * which pages may show the bot's pages in a frame. The widget itself is a script on the host page,
 * not a frame, so it needs no entry; list intranet origins here only to frame the article pages,
 * e.g. {@code 'self' https://intranet.example.com}.
 *
 * @param referrerPolicy sent as {@code Referrer-Policy}; the default keeps conversation and article
 *     addresses inside the site
 */
@ConfigurationProperties(SecurityHeadersConfiguration.PREFIX)
public record SecurityHeadersConfiguration(
    @Bindable(defaultValue = "'self'") String frameAncestors,
    @Bindable(defaultValue = "strict-origin-when-cross-origin") String referrerPolicy) {
  public static final String PREFIX = "tierzero.security.headers";

  public SecurityHeadersConfiguration {
    if (frameAncestors == null
        || frameAncestors.isBlank()
        || frameAncestors.matches(".*[;,\\r\\n].*")) {
      throw new IllegalArgumentException(
          PREFIX
              + ".frame-ancestors must be a space-separated source list, e.g. 'self'"
              + " https://intranet.example.com");
    }
  }
}
