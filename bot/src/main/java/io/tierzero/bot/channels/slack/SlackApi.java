package io.tierzero.bot.channels.slack;

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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack Web API methods the bot calls: {@code chat.postMessage}, {@code users.info} and, for
 * Socket Mode, {@code apps.connections.open}.
 *
 * <p>Why not Bolt for Java or {@code slack-api-client}: Bolt is an app framework with its own
 * request pipeline (its Micronaut adapter routes requests past this service's filters: request
 * size, rate limits, security headers), and the API client brings OkHttp, Gson and Kotlin's
 * standard library for what is here two JSON POSTs. Signature checking, the one part where a
 * library would guard against mistakes, is a dozen lines ({@link SlackSignature}) tested against
 * Slack's documented example. The JDK's HTTP client is enough.
 */
@Singleton
@Requires(property = SlackConfiguration.PREFIX + ".bot-token")
class SlackApi {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);

  /**
   * Slack answers in well under a second; a reply that waits longer is better dropped than stuck.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * What {@code users.info} says about a user; the email only with the {@code users:read.email}
   * scope.
   */
  record Profile(@Nullable String name, @Nullable String email) {}

  private final SlackConfiguration config;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  SlackApi(SlackConfiguration config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  /** Posts a message (text for notifications, blocks for the layout) in a channel or a thread. */
  boolean postMessage(
      String channel, @Nullable String threadTs, String text, List<Map<String, Object>> blocks) {
    var body = new LinkedHashMap<String, Object>();
    body.put("channel", channel);
    if (threadTs != null) body.put("thread_ts", threadTs);
    body.put("text", text);
    if (!blocks.isEmpty()) body.put("blocks", blocks);
    // Links in our text are ours; Slack's previews of them would fetch the secret page.
    body.put("unfurl_links", false);
    body.put("unfurl_media", false);
    try {
      var request =
          HttpRequest.newBuilder(URI.create(config.api("chat.postMessage")))
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + config.botToken())
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build();
      return ok("chat.postMessage", http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      LOG.warn("Slack chat.postMessage failed: {}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The user's name and email; empty when Slack does not say (no scope, API down). */
  Optional<Profile> userInfo(String userId) {
    try {
      var request =
          HttpRequest.newBuilder(URI.create(config.api("users.info")))
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + config.botToken())
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "user=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)))
              .build();
      var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (!ok("users.info", response)) return Optional.empty();
      var user = json.readValue(response.body(), JsonNode.class).get("user");
      if (user == null) return Optional.empty();
      var profile = user.get("profile");
      var name = text(profile, "real_name");
      if (name == null) name = text(user, "real_name");
      return Optional.of(new Profile(name, text(profile, "email")));
    } catch (IOException e) {
      LOG.warn("Slack users.info failed: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * A new Socket Mode address ({@code wss://...}, valid for one connection), asked for with the
   * app-level token; empty when Slack refuses or cannot be reached.
   */
  Optional<URI> openConnection(String appToken) {
    try {
      var request =
          HttpRequest.newBuilder(URI.create(config.api("apps.connections.open")))
              .timeout(TIMEOUT)
              .header("Authorization", "Bearer " + appToken)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (!ok("apps.connections.open", response)) return Optional.empty();
      var url = text(json.readValue(response.body(), JsonNode.class), "url");
      return url == null ? Optional.empty() : Optional.of(URI.create(url));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Slack apps.connections.open failed: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private boolean ok(String method, HttpResponse<byte[]> response) throws IOException {
    if (response.statusCode() != 200) {
      LOG.warn("Slack {} answered HTTP {}", method, response.statusCode());
      return false;
    }
    var answer = json.readValue(response.body(), JsonNode.class);
    var ok = answer.get("ok");
    if (ok == null || !ok.getBooleanValue()) {
      LOG.warn("Slack {} refused: {}", method, text(answer, "error"));
      return false;
    }
    return true;
  }

  static @Nullable String text(@Nullable JsonNode node, String field) {
    if (node == null) return null;
    var value = node.get(field);
    return value == null || !value.isString() || value.getStringValue().isBlank()
        ? null
        : value.getStringValue();
  }
}
