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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sinks, one of them a webhook whose receiver accepts the connection and never answers: the
 * e-mails (to a real SMTP server) still go out at once, and the webhook's deliveries are retried
 * until the receiver answers again, then arrive exactly once each.
 */
class HangingWebhookTest {
  private static final int TICKETS = 8;

  /** Each attempt on the hanging webhook takes this long: on one shared worker, 8 took 16 s. */
  private static final String WEBHOOK_TIMEOUT = "2s";

  /** Far less than the webhook's timeouts add up to, far more than mailing takes. */
  private static final Duration MAIL_PROMPTLY = Duration.ofSeconds(3);

  private GreenMail smtp;
  private Receiver webhook;

  @BeforeEach
  void start() throws IOException {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    webhook = new Receiver();
  }

  @AfterEach
  void stop() throws IOException {
    smtp.stop();
    webhook.close();
  }

  @Test
  void a_webhook_that_never_answers_holds_up_no_email_and_gets_its_tickets_once_it_answers() {
    var properties = new HashMap<String, Object>(TicketsTestApp.properties());
    properties.put("micronaut.server.port", "-1");
    properties.put("tierzero.tickets.email.to", "servicedesk@example.com");
    properties.put("tierzero.tickets.email.host", "127.0.0.1");
    properties.put("tierzero.tickets.email.port", Integer.toString(smtp.getSmtp().getPort()));
    properties.put(
        "tierzero.tickets.webhooks.helpdesk.url", "http://127.0.0.1:" + webhook.port() + "/hook");
    properties.put("tierzero.tickets.webhooks.helpdesk.timeout", WEBHOOK_TIMEOUT);
    properties.put("tierzero.tickets.outbox.poll-interval", "50ms");
    properties.put("tierzero.tickets.outbox.initial-delay", "0ms");
    properties.put("tierzero.tickets.outbox.initial-backoff", "100ms");
    properties.put("tierzero.tickets.outbox.max-backoff", "500ms");
    properties.put("tierzero.tickets.outbox.lease", "10s");

    try (var bot = ApplicationContext.run(EmbeddedServer.class, properties);
        var client = HttpClient.create(bot.getURL())) {
      var numbers = new ArrayList<String>();
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
      var raised = Instant.now();

      assertTrue(
          smtp.waitForIncomingEmail(MAIL_PROMPTLY.toMillis(), TICKETS),
          "mails while the webhook hangs: " + smtp.getReceivedMessages().length + " of " + TICKETS);
      System.out.println(
          "HangingWebhookTest: "
              + TICKETS
              + " mails in "
              + Duration.between(raised, Instant.now()).toMillis()
              + " ms");
      assertTrue(webhook.hung.get() > 0, "the webhook was tried");
      assertEquals(Map.of(), webhook.accepted);

      // The receiver answers again: every ticket arrives, once by idempotency key.
      webhook.answer();
      await("every webhook delivery", () -> webhook.accepted.size() == TICKETS);
      await(
          "every delivery marked delivered",
          () -> numbers.stream().allMatch(n -> delivered(client, n)));
      var received =
          webhook.accepted.values().stream()
              .map(m -> m.get(0).ticket().number())
              .collect(Collectors.toSet());
      assertEquals(Set.copyOf(numbers), received);
      webhook.accepted.forEach((key, copies) -> assertEquals(1, copies.size(), "copies of " + key));
      var webhookAttempts =
          numbers.stream()
              .mapToInt(n -> delivery(client, n, "webhook:helpdesk").attempts())
              .boxed()
              .toList();
      assertTrue(
          webhookAttempts.stream().anyMatch(a -> a > 1),
          "a hung attempt was retried: " + webhookAttempts);

      var mails =
          Arrays.stream(smtp.getReceivedMessages()).map(HangingWebhookTest::messageId).toList();
      assertEquals(TICKETS, mails.size());
      assertEquals(TICKETS, Set.copyOf(mails).size(), "one mail per ticket: " + mails);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean delivered(HttpClient client, String number) {
    var ticket = agentTicket(client, number);
    return ticket.deliveries().size() == 2
        && ticket.deliveries().stream().allMatch(d -> d.state().equals("delivered"));
  }

  private static AgentTicket.Delivery delivery(HttpClient client, String number, String sink) {
    return agentTicket(client, number).deliveries().stream()
        .filter(d -> d.sink().equals(sink))
        .findFirst()
        .orElseThrow();
  }

  private static AgentTicket agentTicket(HttpClient client, String number) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/agent/tickets/" + number)
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)),
            AgentTicket.class);
  }

  private static void await(String what, BooleanSupplier condition) {
    var deadline = Instant.now().plusSeconds(60);
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

  /**
   * A webhook receiver on a plain socket: until {@link #answer()} it accepts each connection and
   * never reads or writes a byte; then it answers each POST 200 and records it by idempotency key.
   */
  private static final class Receiver implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final AtomicInteger hung = new AtomicInteger();
    final Map<String, List<TicketMessage>> accepted = new ConcurrentHashMap<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile boolean answering;
    private final ObjectMapper json = ObjectMapper.getDefault();

    Receiver() throws IOException {
      Thread.ofPlatform().daemon().name("hanging-webhook").start(this::accept);
    }

    int port() {
      return server.getLocalPort();
    }

    void answer() {
      answering = true;
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          var socket = server.accept();
          if (!answering) {
            hung.incrementAndGet();
            held.add(socket); // open, silent
          } else {
            Thread.ofPlatform().daemon().start(() -> respond(socket));
          }
        } catch (IOException e) {
          // Closed.
        }
      }
    }

    private void respond(Socket socket) {
      try (socket) {
        var in = new BufferedInputStream(socket.getInputStream());
        var headers = new HashMap<String, String>();
        for (String line; !(line = readLine(in)).isEmpty(); ) {
          int colon = line.indexOf(':');
          if (colon > 0)
            headers.put(
                line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                line.substring(colon + 1).trim());
        }
        var body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        var message = json.readValue(body, TicketMessage.class);
        accepted
            .computeIfAbsent(
                headers.get(WebhookSink.IDEMPOTENCY_KEY.toLowerCase(Locale.ROOT)),
                k -> new CopyOnWriteArrayList<>())
            .add(message);
        socket
            .getOutputStream()
            .write(
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        // The bot gave up on this one; it retries.
      }
    }

    private static String readLine(InputStream in) throws IOException {
      var line = new ByteArrayOutputStream();
      for (int b; (b = in.read()) != -1 && b != '\n'; ) if (b != '\r') line.write(b);
      return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (var socket : held) socket.close();
    }
  }
}
