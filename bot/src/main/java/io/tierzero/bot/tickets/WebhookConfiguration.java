package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One webhook sink, {@code tierzero.tickets.webhooks.<name>.*}; several may be configured.
 *
 * @param name the sink's name (outbox rows refer to {@code webhook:<name>}); never rename one with
 *     tickets pending
 * @param secret the HMAC-SHA256 key for the {@code X-TierZero-Signature} header; without it the
 *     body is sent unsigned
 * @param timeout the longest one attempt may take
 * @param headers extra request headers, e.g. an {@code Authorization} the receiver needs
 */
@EachProperty(WebhookConfiguration.PREFIX)
public record WebhookConfiguration(
    @Parameter String name,
    URI url,
    @Nullable String secret,
    @Bindable(defaultValue = "10s") Duration timeout,
    @Nullable Map<String, String> headers) {
  public static final String PREFIX = "tierzero.tickets.webhooks";

  public WebhookConfiguration {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
