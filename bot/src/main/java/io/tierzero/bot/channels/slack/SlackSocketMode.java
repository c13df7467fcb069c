package io.tierzero.bot.channels.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Socket Mode, for deployments without a public URL: the bot opens a WebSocket to Slack (an
 * address from {@code apps.connections.open}, asked for with the app-level token), Slack sends
 * events and clicks through it as envelopes, and the bot acknowledges each envelope before it runs
 * the turn. Slack closes connections from time to time (it says {@code disconnect} first); the bot
 * then opens the next one, and after a failure tries again after 1 s, doubling up to 30 s. Replies
 * still go through the Web API.
 */
@Singleton
@Requires(beans = SlackEvents.class)
@Requires(property = SlackConfiguration.PREFIX + ".app-token")
class SlackSocketMode {
  private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private final SlackApi api;
  private final SlackEvents events;
  private final ObjectMapper json;
  private final String appToken;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(SlackApi.TIMEOUT).build();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().name("slack-socket-mode").daemon().unstarted(task));
  private volatile WebSocket current;
  private volatile boolean stopped;
  private Duration retry = FIRST_RETRY;

  SlackSocketMode(SlackApi api, SlackEvents events, ObjectMapper json, SlackConfiguration config) {
    this.api = api;
    this.events = events;
    this.json = json;
    this.appToken = config.appToken();
  }

  @EventListener
  void start(StartupEvent started) {
    scheduler.execute(this::connect);
  }

  /** Whether a connection to Slack is open now (for tests and health). */
  boolean connected() {
    return current != null;
  }

  private void connect() {
    if (stopped) return;
    var address = api.openConnection(appToken);
    if (address.isEmpty()) {
      later();
      return;
    }
    http.newWebSocketBuilder()
        .connectTimeout(SlackApi.TIMEOUT)
        .buildAsync(address.get(), new Listener())
        .whenComplete(
            (socket, failure) -> {
              if (failure != null) {
                LOG.warn("Slack Socket Mode connection failed: {}", failure.toString());
                later();
              }
            });
  }

  private synchronized void later() {
    if (stopped) return;
    scheduler.schedule(this::connect, retry.toMillis(), TimeUnit.MILLISECONDS);
    retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
  }

  private synchronized void opened(WebSocket socket) {
    current = socket;
    retry = FIRST_RETRY;
  }

  private void receive(WebSocket socket, String message) {
    JsonNode envelope;
    try {
      envelope = json.readValue(message, JsonNode.class);
    } catch (IOException e) {
      LOG.warn("Slack Socket Mode sent something that is not JSON: {}", e.toString());
      return;
    }
    var id = SlackApi.text(envelope, "envelope_id");
    // First the acknowledgement: Slack sends an envelope again when it is not acknowledged
    // within a few seconds, and the turn may take longer.
    if (id != null) {
      try {
        socket.sendText(json.writeValueAsString(Map.of("envelope_id", id)), true).join();
      } catch (IOException | RuntimeException e) {
        LOG.warn("Slack Socket Mode acknowledgement not sent: {}", e.toString());
      }
    }
    var payload = envelope.get("payload");
    switch (String.valueOf(SlackApi.text(envelope, "type"))) {
      case "events_api" -> {
        if (SlackEvents.isEventCallback(payload)) events.eventCallback(payload);
      }
      case "interactive" -> {
        if (payload != null) events.interaction(payload);
      }
      case "disconnect" -> {
        // This connection is about to close: it is no longer the current one, so its close does
        // not count as a failure, and the next one opens now.
        synchronized (this) {
          if (current == socket) current = null;
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        scheduler.execute(this::connect);
      }
      default -> {
        // "hello" and anything newer: nothing to do.
      }
    }
  }

  private void closed(WebSocket socket) {
    boolean wasCurrent;
    synchronized (this) {
      wasCurrent = current == socket;
      if (wasCurrent) current = null;
    }
    if (wasCurrent) later();
  }

  @PreDestroy
  void stop() {
    stopped = true;
    scheduler.shutdownNow();
    var socket = current;
    if (socket != null) socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void onOpen(WebSocket socket) {
      opened(socket);
      socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        var message = text.toString();
        text.setLength(0);
        receive(socket, message);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      LOG.info("Slack Socket Mode connection closed ({} {})", status, reason);
      closed(socket);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      LOG.warn("Slack Socket Mode connection lost: {}", error.toString());
      closed(socket);
    }
  }
}
