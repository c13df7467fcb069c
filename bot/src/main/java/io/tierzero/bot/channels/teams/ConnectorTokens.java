package io.tierzero.bot.channels.teams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own bearer token for the Bot Connector: OAuth client credentials (app id and app
 * password) for {@link TeamsConfiguration#CONNECTOR_SCOPE}, kept until shortly before it expires
 * (an hour, as Microsoft issues them). The password goes to the token endpoint only.
 */
final class ConnectorTokens {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorTokens.class);

  /** Renewed this long before expiry, so a token never runs out between taking it and using it. */
  static final Duration MARGIN = Duration.ofMinutes(5);

  private final TeamsConfiguration config;
  private final HttpClient http;
  private final ObjectMapper json;
  private final Clock clock;
  private @Nullable String token;
  private Instant renewAt = Instant.MIN;

  ConnectorTokens(TeamsConfiguration config, HttpClient http, ObjectMapper json, Clock clock) {
    this.config = config;
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  /** A token for the connector; empty when the token endpoint refused or could not be reached. */
  synchronized Optional<String> token() {
    if (token != null && clock.instant().isBefore(renewAt)) return Optional.of(token);
    token = null;
    var form =
        "grant_type=client_credentials"
            + "&client_id="
            + URLEncoder.encode(config.appId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(config.appPassword(), StandardCharsets.UTF_8)
            + "&scope="
            + URLEncoder.encode(TeamsConfiguration.CONNECTOR_SCOPE, StandardCharsets.UTF_8);
    try {
      var request =
          HttpRequest.newBuilder(URI.create(config.tokenUrl()))
              .timeout(TeamsConnector.TIMEOUT)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
      var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        LOG.warn("Bot Framework token endpoint answered HTTP {}", response.statusCode());
        return Optional.empty();
      }
      var answer = json.readValue(response.body(), JsonNode.class);
      var accessToken = answer.get("access_token");
      var expiresIn = answer.get("expires_in");
      if (accessToken == null
          || !accessToken.isString()
          || expiresIn == null
          || !expiresIn.isNumber()) {
        LOG.warn("Bot Framework token endpoint answered without access_token and expires_in");
        return Optional.empty();
      }
      token = accessToken.getStringValue();
      renewAt = clock.instant().plusSeconds(expiresIn.getLongValue()).minus(MARGIN);
      return Optional.of(token);
    } catch (IOException e) {
      LOG.warn("Bot Framework token endpoint not reached: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The connector refused the token (revoked, rotated password): the next call gets a new one. */
  synchronized void refused(String used) {
    if (used.equals(token)) token = null;
  }
}
