package io.tierzero.bot.channels.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.charset.StandardCharsets;

/**
 * The Slack app. It needs the bot token and a way in: the signing secret for the Events API over
 * HTTP, an app-level token for Socket Mode, or both. Without them the channel is off: its endpoints
 * are not there (404) and no socket is opened.
 *
 * @param signingSecret the app's signing secret (Basic Information): every request Slack sends over
 *     HTTP is signed with it
 * @param botToken the bot user's OAuth token ({@code xoxb-...}), for {@code chat.postMessage} and
 *     {@code users.info}
 * @param appToken an app-level token ({@code xapp-...}) with {@code connections:write}: the bot
 *     opens a Socket Mode connection to Slack instead of waiting for requests at a public URL
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

  /**
   * The adapter's key for conversation tokens: the signing secret, or the app token where Socket
   * Mode runs without one. Rotating it starts new conversations.
   */
  byte[] tokenKey() {
    var key = signingSecret != null && !signingSecret.isBlank() ? signingSecret : appToken;
    return ("slack:" + key).getBytes(StandardCharsets.UTF_8);
  }

  String api(String method) {
    return (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/") + method;
  }
}
