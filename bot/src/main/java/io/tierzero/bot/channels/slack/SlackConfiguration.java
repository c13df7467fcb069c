package io.tierzero.bot.channels.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.charset.StandardCharsets;

/**
 * The Slack app. Without a signing secret and a bot token the channel is off: its endpoints are
 * not there (404).
 *
 * @param signingSecret the app's signing secret (Basic Information): every request Slack sends is
 *     signed with it
 * @param botToken the bot user's OAuth token ({@code xoxb-...}), for {@code chat.postMessage} and
 *     {@code users.info}
 * @param appToken an app-level token ({@code xapp-...}) for Socket Mode; read but not used yet,
 *     Socket Mode is not supported
 * @param apiUrl Slack's Web API; tests point it at a stand-in
 */
@ConfigurationProperties(SlackConfiguration.PREFIX)
public record SlackConfiguration(
    @Nullable String signingSecret,
    @Nullable String botToken,
    @Nullable String appToken,
    @Bindable(defaultValue = DEFAULT_API_URL) String apiUrl) {
  public static final String PREFIX = "tierzero.channels.slack";
  public static final String DEFAULT_API_URL = "https://slack.com/api";

  /** The adapter's key for conversation tokens; rotating the signing secret starts new conversations. */
  byte[] tokenKey() {
    return ("slack:" + signingSecret).getBytes(StandardCharsets.UTF_8);
  }

  String api(String method) {
    return (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/") + method;
  }
}
