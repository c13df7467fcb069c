package io.tierzero.bot.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The in-memory demo directory started with the bot in the demo environment.
 *
 * @param enabled start it in the demo environment (it never starts outside it)
 * @param port where it listens on the loopback interface; 0 picks a free port (tests)
 * @param ldif the demo users, a classpath resource
 */
@ConfigurationProperties(EmbeddedDirectoryConfiguration.PREFIX)
public record EmbeddedDirectoryConfiguration(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "10389") int port,
    @Bindable(defaultValue = "identity/demo-directory.ldif") String ldif) {
  public static final String PREFIX = "tierzero.directory.embedded";
}
