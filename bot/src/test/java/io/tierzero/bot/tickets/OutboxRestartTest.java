package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery through the outbox to a real local HTTP receiver that is down at first, with the bot
 * restarted in between: every ticket arrives, each exactly once by idempotency key, with its
 * transcript, and a duplicate sent after a lost acknowledgement carries the same identity.
 */
class OutboxRestartTest {
  private static final String SECRET = "s3cret-webhook-key";
  private static final int TICKETS = 3;

  /** Generous: the point is that delivery happens, not how fast. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private HttpServer receiver;
  private volatile boolean down = true;
  private volatile boolean loseFirstAcknowledgement = true;
  private final Map<String, List<TicketMessage>> attemptsByKey = new ConcurrentHashMap<>();
  private final Map<String, List<TicketMessage>> acceptedByKey = new ConcurrentHashMap<>();
  private final List<String> badSignatures = new ArrayList<>();
  private final ObjectMapper json = ObjectMapper.getDefault();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          var body = exchange.getRequestBody().readAllBytes();
          var key = exchange.getRequestHeaders().getFirst(WebhookSink.IDEMPOTENCY_KEY);
          var signature = exchange.getRequestHeaders().getFirst(WebhookSink.SIGNATURE);
          if (!WebhookSink.signature(SECRET, body).equals(signature)) {
            synchronized (badSignatures) {
              badSignatures.add(key);
            }
          }
          var message = json.readValue(body, TicketMessage.class);
          attemptsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
          int status;
          synchronized (this) {
            if (loseFirstAcknowledgement) {
              // Stored on the helpdesk side, but the answer never reaches the bot: it must retry.
              loseFirstAcknowledgement = false;
              acceptedByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
              status = 500;
            } else if (down) {
              status = 503;
            } else {
              acceptedByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
              status = 200;
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private Map<String, Object> properties(Map<String, String> base) {
    var properties = new HashMap<String, Object>(base);
    properties.put("micronaut.server.port", "-1");
    properties.put(
        "tierzero.tickets.webhooks.helpdesk.url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    properties.put("tierzero.tickets.webhooks.helpdesk.secret", SECRET);
    properties.put("tierzero.tickets.webhooks.helpdesk.timeout", "5s");
    properties.put("tierzero.tickets.outbox.poll-interval", "50ms");
    properties.put("tierzero.tickets.outbox.initial-delay", "0ms");
    properties.put("tierzero.tickets.outbox.initial-backoff", "20ms");
    properties.put("tierzero.tickets.outbox.max-backoff", "200ms");
    properties.put("tierzero.tickets.outbox.lease", "2s");
    return properties;
  }

  @Test
  void every_ticket_arrives_exactly_once_by_idempotency_key_across_failures_and_a_restart() {
    var base = TicketsTestApp.properties(); // one home: the same H2 file for both runs
    var numbers = new ArrayList<String>();

    try (var first = ApplicationContext.run(EmbeddedServer.class, properties(base));
        var client = HttpClient.create(first.getURL())) {
      for (int i = 0; i < TICKETS; i++) {
        var c = TicketsTestApp.start(client, Map.of());
        send(client, c, "my laptop " + i + " will not start");
        send(client, c, "talk to a person");
        numbers.add(
            client
                .toBlocking()
                .retrieve(
                    submit(c, form("User " + i, "user" + i + "@example.com", true)),
                    TicketReceipt.class)
                .number());
      }
      // The receiver is down: wait until every ticket has been tried (and refused) at least twice.
      await(
          "two failed attempts per ticket",
          () ->
              attemptsByKey.size() == TICKETS
                  && attemptsByKey.values().stream().allMatch(a -> a.size() >= 2));
    } // the bot stops here, with every delivery still pending

    down = false;
    try (var second = ApplicationContext.run(EmbeddedServer.class, properties(base));
        var client = HttpClient.create(second.getURL())) {
      await(
          "every ticket accepted after the restart",
          () -> acceptedByKey.size() == TICKETS && allDelivered(client, numbers));

      // Exactly once by idempotency key: one key per ticket, and every copy of a key is the same
      // ticket.
      Map<String, Set<String>> numbersByKey =
          attemptsByKey.entrySet().stream()
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey,
                      e ->
                          e.getValue().stream()
                              .map(m -> m.ticket().number())
                              .collect(Collectors.toSet())));
      assertEquals(TICKETS, numbersByKey.size());
      numbersByKey.forEach(
          (key, forKey) -> assertEquals(1, forKey.size(), "one identity per key " + key));
      assertEquals(
          Set.copyOf(numbers),
          numbersByKey.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
      for (var entry : acceptedByKey.entrySet()) {
        var message = entry.getValue().get(0);
        assertEquals(entry.getKey(), message.idempotencyKey());
        assertEquals(message.ticket().id(), message.idempotencyKey());
        assertTrue(message.transcriptText().contains("will not start"), message.transcriptText());
        assertEquals("user", message.ticket().context().transcript().get(0).from());
      }
      // The lost acknowledgement made one ticket arrive twice, under the same key: a receiver
      // that stores by key has it once.
      assertTrue(
          acceptedByKey.values().stream().anyMatch(copies -> copies.size() == 2),
          acceptedByKey.toString());
      assertEquals(List.of(), badSignatures);
    }
  }

  private static boolean allDelivered(HttpClient client, List<String> numbers) {
    for (var number : numbers) {
      var ticket =
          client
              .toBlocking()
              .retrieve(
                  HttpRequest.GET("/api/agent/tickets/" + number)
                      .header("Authorization", basic(AGENT, AGENT_PASSWORD)),
                  AgentTicket.class);
      if (ticket.deliveries().isEmpty()
          || !ticket.deliveries().stream().allMatch(d -> d.state().equals("delivered")))
        return false;
    }
    return true;
  }

  private static void await(String what, BooleanSupplier condition) {
    var deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) fail("Gave up waiting for: " + what);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for: " + what);
      }
    }
  }
}
