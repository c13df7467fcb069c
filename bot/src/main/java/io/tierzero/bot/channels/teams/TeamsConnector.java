package io.tierzero.bot.channels.teams;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Connector REST calls the bot makes, on the service URL an authenticated activity named:
 * reply to an activity, send to a conversation, read a member (for the user's email). There is no
 * maintained Bot Framework SDK for Java; these are three HTTP calls with the JDK's client, and the
 * inbound check is {@link BotFrameworkTokenVerifier}.
 */
@Singleton
@Requires(property = TeamsConfiguration.PREFIX + ".app-id")
@Requires(property = TeamsConfiguration.PREFIX + ".app-password")
class TeamsConnector {
  private static final Logger LOG = LoggerFactory.getLogger(TeamsConnector.class);

  /**
   * The connector waits 15 seconds for the bot; our calls to it wait no longer than that either.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What the connector says about a member; the email only where Teams shares it. */
  record Member(@Nullable String name, @Nullable String email) {}

  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ConnectorTokens tokens;

  TeamsConnector(TeamsConfiguration config, ObjectMapper json, Clock clock) {
    this.json = json;
    this.tokens = new ConnectorTokens(config, http, json, clock);
  }

  /**
   * Posts {@code activity} in the conversation: as a reply to {@code activityId} when given, else
   * as a new message (after a secret given on our page, where no activity is being answered).
   */
  boolean send(
      String serviceUrl,
      String conversationId,
      @Nullable String activityId,
      Map<String, Object> activity) {
    var path =
        "v3/conversations/"
            + encode(conversationId)
            + "/activities"
            + (activityId == null ? "" : "/" + encode(activityId));
    try {
      var response = call(serviceUrl, path, json.writeValueAsBytes(activity));
      if (response.isEmpty()) return false;
      int status = response.get().statusCode();
      if (status / 100 != 2) LOG.warn("Bot Connector refused a reply: HTTP {}", status);
      return status / 100 == 2;
    } catch (IOException e) {
      LOG.warn("Bot Connector reply failed: {}", e.toString());
      return false;
    }
  }

  /**
   * The member's name and email (or user principal name); empty when the connector does not say.
   */
  Optional<Member> member(String serviceUrl, String conversationId, String userId) {
    var path = "v3/conversations/" + encode(conversationId) + "/members/" + encode(userId);
    try {
      var response = call(serviceUrl, path, null);
      if (response.isEmpty()) return Optional.empty();
      if (response.get().statusCode() != 200) {
        LOG.warn("Bot Connector member lookup answered HTTP {}", response.get().statusCode());
        return Optional.empty();
      }
      var member = json.readValue(response.get().body(), JsonNode.class);
      var email = text(member, "email");
      if (email == null) email = text(member, "userPrincipalName");
      if (email != null && !email.contains("@")) email = null;
      return Optional.of(new Member(text(member, "name"), email));
    } catch (IOException e) {
      LOG.warn("Bot Connector member lookup failed: {}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * POST when there is a body, else GET; once more with a new token if the connector refused ours.
   */
  private Optional<HttpResponse<byte[]>> call(
      String serviceUrl, String path, byte @Nullable [] body) throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      var token = tokens.token();
      if (token.isEmpty()) return Optional.empty();
      var builder =
          HttpRequest.newBuilder(URI.create(base(serviceUrl) + path))
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + token.get());
      if (body != null) {
        builder
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      } else {
        builder.GET();
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      if (response.statusCode() != 401 || attempt == 1) return Optional.of(response);
      tokens.refused(token.get());
    }
    return Optional.empty();
  }

  private static String base(String serviceUrl) {
    return serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
  }

  /**
   * Teams conversation ids hold {@code :}, {@code ;} and {@code @}: one path segment each, escaped.
   */
  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static @Nullable String text(@Nullable JsonNode node, String field) {
    if (node == null) return null;
    var value = node.get(field);
    return value == null || !value.isString() || value.getStringValue().isBlank()
        ? null
        : value.getStringValue();
  }
}
