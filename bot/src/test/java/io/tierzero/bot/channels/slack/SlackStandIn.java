package io.tierzero.bot.channels.slack;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Slack's Web API as far as the bot uses it, on a free local port: {@code chat.postMessage} records
 * what was posted, {@code users.info} answers a profile with an email. Both refuse a call without
 * the bot token, as Slack does ({@code "ok": false, "error": "not_authed"}).
 */
final class SlackStandIn implements AutoCloseable {
  /** A call as received: the raw JSON body of a {@code chat.postMessage}. */
  record Posted(String body) {
    boolean mentions(String text) {
      return body.contains(text);
    }
  }

  private final HttpServer server;
  private final String botToken;
  private final String email;
  private final List<Posted> posted = new ArrayList<>();
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private volatile String appToken;
  private volatile Supplier<String> socketUrl = () -> null;

  SlackStandIn(String botToken, String email) throws IOException {
    this.botToken = botToken;
    this.email = email;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/chat.postMessage", this::postMessage);
    server.createContext("/api/users.info", this::usersInfo);
    server.createContext("/api/apps.connections.open", this::connectionsOpen);
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  /**
   * Socket Mode: {@code apps.connections.open} with {@code appToken} answers the address {@code
   * url} gives at that moment (none yet: {@code "ok": false}, as when Slack is unavailable).
   */
  void socketMode(String appToken, Supplier<String> url) {
    this.appToken = appToken;
    this.socketUrl = url;
  }

  int connectionsOpened() {
    return connectionsOpened.get();
  }

  synchronized List<Posted> posted() {
    return List.copyOf(posted);
  }

  /** Waits until at least {@code count} messages were posted; returns them all. */
  List<Posted> awaitPosts(int count) {
    return await("at least " + count + " messages posted")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(25))
        .until(this::posted, posted -> posted.size() >= count);
  }

  private void postMessage(HttpExchange exchange) throws IOException {
    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!authorised(exchange)) return;
    synchronized (this) {
      posted.add(new Posted(body));
    }
    answer(exchange, "{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000000.000200\"}");
  }

  private void usersInfo(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (!authorised(exchange)) return;
    answer(
        exchange,
        "{\"ok\":true,\"user\":{\"id\":\"U1\",\"real_name\":\"Alice"
            + " Example\",\"profile\":{\"real_name\":\"Alice Example\",\"email\":\""
            + email
            + "\"}}}");
  }

  private void connectionsOpen(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    var url = socketUrl.get();
    if (appToken == null
        || !("Bearer " + appToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      answer(exchange, "{\"ok\":false,\"error\":\"invalid_auth\"}");
    } else if (url == null) {
      answer(exchange, "{\"ok\":false,\"error\":\"service_unavailable\"}");
    } else {
      connectionsOpened.incrementAndGet();
      answer(exchange, "{\"ok\":true,\"url\":\"" + url + "\"}");
    }
  }

  private boolean authorised(HttpExchange exchange) throws IOException {
    if (("Bearer " + botToken).equals(exchange.getRequestHeaders().getFirst("Authorization")))
      return true;
    answer(exchange, "{\"ok\":false,\"error\":\"not_authed\"}");
    return false;
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    var bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
