package io.tierzero.bot.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The embedded demo SMTP server.
 *
 * @param enabled start it in the demo environment (it never starts outside it, nor with a real
 *     {@code tierzero.directory.url})
 * @param port where it listens on the loopback interface; 0 picks a free port (tests)
 */
@ConfigurationProperties(EmbeddedMailConfiguration.PREFIX)
public record EmbeddedMailConfiguration(
    @Bindable(defaultValue = "true") boolean enabled, @Bindable(defaultValue = "3025") int port) {
  public static final String PREFIX = "tierzero.mail.embedded";
}
