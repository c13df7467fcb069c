package io.tierzero.bot.channels.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * Slack's Socket Mode end, as a real WebSocket server: greets each connection with {@code hello} as
 * Slack does, sends the envelopes a test gives it down the newest connection, and records what the
 * bot sends back (its acknowledgements). It lives only in the contexts of tests that switch it on,
 * served by the test's own embedded server.
 */
@ServerWebSocket(SocketModeStandIn.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = SocketModeStandIn.ENABLED, value = "true")
public class SocketModeStandIn {
  static final String PATH = "/test-stand-in/slack-socket-mode";
  static final String ENABLED = "test.slack-socket-mode-stand-in";

  private final List<WebSocketSession> open = new CopyOnWriteArrayList<>();
  private final List<String> received = new CopyOnWriteArrayList<>();

  @OnOpen
  public void onOpen(WebSocketSession session) {
    open.add(session);
    session.sendSync(
        "{\"type\":\"hello\",\"num_connections\":"
            + open.size()
            + ",\"connection_info\":{\"app_id\":\"A1\"}}");
  }

  @OnMessage
  public void onMessage(String message, WebSocketSession session) {
    received.add(message);
  }

  @OnClose
  public void onClose(WebSocketSession session) {
    open.remove(session);
  }

  /** Sends an envelope down the newest open connection. */
  void send(String envelope) {
    newest().sendSync(envelope);
  }

  WebSocketSession newest() {
    return await(
        () -> open.isEmpty() ? null : open.get(open.size() - 1), "no Socket Mode connection open");
  }

  int openConnections() {
    return open.size();
  }

  /** Waits for the bot to send {@code message} (an acknowledgement). */
  void awaitReceived(String message) {
    await(
        () -> received.contains(message) ? message : null,
        "never received " + message + ", only " + received);
  }

  private static <T> T await(Callable<T> probe, String failure) {
    return Awaitility.await(failure)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(25))
        .until(probe, Objects::nonNull);
  }
}
