package io.tierzero.bot.tickets.rt;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Request Tracker the tests talk to ({@code .ci/request-tracker.sh} installs and starts
 * it): {@code TIERZERO_RT_URL}, the bot's auth token {@code TIERZERO_RT_TOKEN} and an agent's
 * {@code TIERZERO_RT_AGENT} login ({@code user:password}), as environment variables or system
 * properties. Without them the test is skipped, unless {@code TIERZERO_REQUIRE_RT=true} (set by
 * {@code .ci/run}): then it fails, so CI never skips the RT tests silently.
 *
 * <p>The agent's calls go straight to RT's REST 2 API, as an agent's browser or script would.
 */
final class RequestTracker {
  final String url;
  final String token;
  private final String agent;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = ObjectMapper.getDefault();

  private RequestTracker(String url, String token, String agent) {
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.token = token;
    this.agent = agent;
  }

  /** The RT to test against; skips or fails the test when there is none. */
  static RequestTracker require() {
    var url = setting("TIERZERO_RT_URL");
    var token = setting("TIERZERO_RT_TOKEN");
    var agent = setting("TIERZERO_RT_AGENT");
    String missing =
        url == null
            ? "TIERZERO_RT_URL"
            : token == null ? "TIERZERO_RT_TOKEN" : agent == null ? "TIERZERO_RT_AGENT" : null;
    if (missing == null) {
      var rt = new RequestTracker(url, token, agent);
      try {
        rt.get("queues/all");
        return rt;
      } catch (RuntimeException e) {
        missing = "a Request Tracker answering at " + url + " (" + e.getMessage() + ")";
      }
    }
    var message = "No " + missing + ": run eval \"$(.ci/request-tracker.sh)\" first";
    if ("true".equalsIgnoreCase(setting("TIERZERO_REQUIRE_RT")))
      throw new IllegalStateException(message + " (TIERZERO_REQUIRE_RT=true)");
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** The bot's settings for this RT. */
  Map<String, String> botProperties() {
    var p = new HashMap<String, String>();
    p.put("tierzero.tickets.rt.url", url);
    p.put("tierzero.tickets.rt.token", token);
    p.put("tierzero.tickets.rt.timeout", "5s");
    p.put("tierzero.tickets.rt.poll-interval", "200ms");
    p.put("tierzero.tickets.rt.initial-delay", "0s");
    p.put("tierzero.tickets.outbox.poll-interval", "100ms");
    p.put("tierzero.tickets.outbox.initial-delay", "0ms");
    p.put("tierzero.tickets.outbox.initial-backoff", "100ms");
    p.put("tierzero.tickets.outbox.max-backoff", "500ms");
    p.put("tierzero.tickets.outbox.lease", "10s");
    return p;
  }

  /** The ids of the RT tickets holding our key, oldest first. */
  List<Long> ticketsWithKey(String key) {
    var found =
        get(
            "tickets?query="
                + encode("'CF.{TierZero Key}' = '" + key + "'")
                + "&orderby=id&order=ASC");
    var ids = new ArrayList<Long>();
    for (var item : found.get("items").values())
      ids.add(Long.parseLong(item.get("id").getStringValue()));
    return ids;
  }

  JsonNode ticket(long id) {
    return get("ticket/" + id);
  }

  String queueName(JsonNode ticket) {
    return get("queue/" + ticket.get("Queue").get("id").getStringValue())
        .get("Name")
        .getStringValue();
  }

  /** The ticket's transactions with their type, creator and text content, oldest first. */
  List<Map<String, String>> history(long id) {
    var out = new ArrayList<Map<String, String>>();
    var items = get("ticket/" + id + "/history?per_page=100&fields=Type,Creator").get("items");
    for (var item : items.values()) {
      var tx = item.get("id").getStringValue();
      var content = new StringBuilder();
      for (var a :
          get("transaction/" + tx + "/attachments?fields=Content,ContentType")
              .get("items")
              .values()) {
        var c = a.get("Content");
        if (c != null && c.isString()) content.append(c.getStringValue());
      }
      out.add(
          Map.of(
              "type",
              item.get("Type").getStringValue(),
              "creator",
              item.get("Creator").get("id").getStringValue(),
              "content",
              content.toString()));
    }
    return out;
  }

  /** The agent writes to the requester. */
  void agentReplies(long id, String text) {
    send(
        "POST",
        "ticket/" + id + "/correspond",
        Map.of("Content", text, "ContentType", "text/plain"));
  }

  /** The agent moves the ticket to an RT status. */
  void agentSetsStatus(long id, String status) {
    send("PUT", "ticket/" + id, Map.of("Status", status));
  }

  private JsonNode get(String path) {
    return exchange(request(path).GET().build());
  }

  private JsonNode send(String method, String path, Object body) {
    try {
      return exchange(
          request(path)
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    var basic =
        "Basic " + Base64.getEncoder().encodeToString(agent.getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url + "/REST/2.0/" + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", basic);
  }

  private JsonNode exchange(HttpRequest request) {
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "RT answered "
                + response.statusCode()
                + " to "
                + request.uri()
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      return json.readValue(response.body(), JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String setting(String name) {
    var value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? null : value;
  }
}
