package io.tierzero.bot.channels.teams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.charset.StandardCharsets;

/**
 * The bot registered with the Bot Framework (an Azure Bot resource, or the Teams Developer Portal).
 * Without an app id and password the channel is off: its endpoint is not there (404).
 *
 * @param appId the bot's Microsoft App ID: the audience of every token the connector sends, and the
 *     client id for ours
 * @param appPassword the client secret of that app registration, for the connector's tokens
 * @param openidMetadataUrl where the connector's signing keys are announced
 * @param tokenUrl where the bot gets its own token (client credentials); a single-tenant bot uses
 *     its tenant's endpoint instead of {@code botframework.com}
 */
@ConfigurationProperties(TeamsConfiguration.PREFIX)
public record TeamsConfiguration(
    @Nullable String appId,
    @Nullable String appPassword,
    @Bindable(defaultValue = DEFAULT_OPENID_METADATA_URL) String openidMetadataUrl,
    @Bindable(defaultValue = DEFAULT_TOKEN_URL) String tokenUrl) {
  public static final String PREFIX = "tierzero.channels.teams";
  public static final String DEFAULT_OPENID_METADATA_URL =
      "https://login.botframework.com/v1/.well-known/openidconfiguration";
  public static final String DEFAULT_TOKEN_URL =
      "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

  /** What the bot's own token must be good for: the Bot Connector service. */
  static final String CONNECTOR_SCOPE = "https://api.botframework.com/.default";

  /** The adapter's key for conversation tokens; a new app password starts new conversations. */
  byte[] tokenKey() {
    return ("teams:" + appPassword).getBytes(StandardCharsets.UTF_8);
  }
}
