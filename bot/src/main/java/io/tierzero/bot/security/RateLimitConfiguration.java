package io.tierzero.bot.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Token buckets for the public API ({@code /api/**} except the agents' {@code /api/agent/**}). Each
 * bucket holds {@code burst} requests and refills at {@code perMinute}; an empty bucket answers
 * {@code 429} with {@code Retry-After}. Buckets live in one instance's memory, so with n instances
 * behind a balancer a client gets at most n times the figures (see "Running at scale").
 *
 * <p>The client address is {@link ClientAddress}'s: the connection's, or behind proxies listed in
 * {@code tierzero.security.trusted-proxies} the rightmost {@code X-Forwarded-For} entry that is not
 * one of them.
 *
 * @param addressPerMinute sustained requests per minute from one client address
 * @param addressBurst requests one address may make at once; sized for an office behind one NAT
 * @param conversationPerMinute sustained calls per minute on one conversation (messages, feedback)
 * @param conversationBurst calls on one conversation at once; a person types far slower
 * @param maxBuckets buckets kept before idle (full) ones are dropped, bounding memory when someone
 *     makes up addresses or conversation ids
 */
@ConfigurationProperties(RateLimitConfiguration.PREFIX)
public record RateLimitConfiguration(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "600") int addressPerMinute,
    @Bindable(defaultValue = "300") int addressBurst,
    @Bindable(defaultValue = "30") int conversationPerMinute,
    @Bindable(defaultValue = "30") int conversationBurst,
    @Bindable(defaultValue = "100000") int maxBuckets) {
  public static final String PREFIX = "tierzero.security.rate-limits";

  public RateLimitConfiguration {
    if (addressPerMinute < 1
        || addressBurst < 1
        || conversationPerMinute < 1
        || conversationBurst < 1) {
      throw new IllegalArgumentException(PREFIX + ": every rate and burst must be at least 1");
    }
    if (maxBuckets < 1)
      throw new IllegalArgumentException(PREFIX + ".max-buckets must be at least 1");
  }
}
