package io.tierzero.bot.channels;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What every channel shares.
 *
 * @param publicUrl the bot's address as users' browsers reach it: article links and one-time secret
 *     links in a chat platform must be absolute
 * @param secretLinkTtl how long a one-time link to the secret page stays usable; the emailed code
 *     it may take lives {@code tierzero.flows.code-ttl}, so longer would only outlive the code
 */
@ConfigurationProperties(ChannelsConfiguration.PREFIX)
public record ChannelsConfiguration(
    @Bindable(defaultValue = "http://localhost:8080") String publicUrl,
    @Bindable(defaultValue = "10m") Duration secretLinkTtl) {
  public static final String PREFIX = "tierzero.channels";

  public ChannelsConfiguration {
    publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    if (secretLinkTtl.isNegative() || secretLinkTtl.isZero())
      throw new IllegalArgumentException("secretLinkTtl must be positive");
  }

  /**
   * {@code path} (or an absolute URL, kept as it is) as a link users can open from the platform.
   */
  public String absolute(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) return path;
    return publicUrl + (path.startsWith("/") ? path : "/" + path);
  }
}
