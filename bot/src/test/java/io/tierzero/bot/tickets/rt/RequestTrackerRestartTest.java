package io.tierzero.bot.tickets.rt;

import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static io.tierzero.bot.tickets.rt.RequestTrackerSinkTest.agentTicket;
import static io.tierzero.bot.tickets.rt.RequestTrackerSinkTest.await;
import static io.tierzero.bot.tickets.rt.RequestTrackerSinkTest.delivered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.tickets.TicketReceipt;
import io.tierzero.bot.tickets.TicketsTestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RT creates the ticket but its answer never reaches the bot (a proxy forwards the request, then
 * drops the connection instead of the response), RT is then unreachable and the bot restarts: the
 * retry after the restart finds the ticket by our key instead of making a second one.
 */
class RequestTrackerRestartTest {
  private ServerSocket proxy;
  private Thread proxyThread;
  private URI rtUrl;

  /**
   * Until the first create, every request is forwarded; its answer is dropped; then RT is "down".
   */
  private final AtomicInteger createsForwarded = new AtomicInteger();

  private final AtomicInteger refused = new AtomicInteger();

  @BeforeEach
  void startProxy() throws IOException {
    proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    proxyThread = Thread.ofPlatform().daemon().start(this::serve);
  }

  @AfterEach
  void stopProxy() throws IOException, InterruptedException {
    proxy.close();
    proxyThread.join(5000);
  }

  @Test
  void a_create_whose_answer_was_lost_is_found_after_a_restart_not_made_twice() {
    var rt = RequestTracker.require();
    rtUrl = URI.create(rt.url);
    var base = TicketsTestApp.properties(); // one home: the same H2 file for both runs
    String number;
    String key;

    var first = properties(base, rt);
    first.put("tierzero.tickets.rt.url", "http://127.0.0.1:" + proxy.getLocalPort());
    try (var app = ApplicationContext.run(EmbeddedServer.class, first);
        var client = HttpClient.create(app.getURL())) {
      var c = TicketsTestApp.start(client, Map.of());
      send(client, c, "outlook keeps asking for my password");
      send(client, c, "talk to a person");
      number =
          client
              .toBlocking()
              .retrieve(
                  submit(c, form("Ada Lane", "ada.rt@example.com", true)), TicketReceipt.class)
              .number();
      key = agentTicket(client, number).id();
      // RT made the ticket, the bot never heard, and its retries find RT down.
      await(
          "the create forwarded, its answer dropped, and a retry refused",
          () -> createsForwarded.get() == 1 && refused.get() >= 1);
      var pending = agentTicket(client, number).deliveries().get(0);
      assertEquals("pending", pending.state(), pending.toString());
      assertEquals(1, rt.ticketsWithKey(key).size());
    } // the bot stops with the delivery pending

    // Back up, straight to RT this time, after a restart.
    try (var app = ApplicationContext.run(EmbeddedServer.class, properties(base, rt));
        var client = HttpClient.create(app.getURL())) {
      await("the ticket delivered after the restart", () -> delivered(agentTicket(client, number)));
      var ids = rt.ticketsWithKey(key);
      assertEquals(1, ids.size(), "exactly one RT ticket for " + number + ": " + ids);
      assertTrue(
          rt.ticket(ids.get(0)).get("Subject").getStringValue().startsWith("[" + number + "]"));
      assertEquals(1, createsForwarded.get());
    }
  }

  private static HashMap<String, Object> properties(Map<String, String> base, RequestTracker rt) {
    var p = new HashMap<String, Object>(base);
    p.putAll(rt.botProperties());
    p.put("micronaut.server.port", "-1");
    return p;
  }

  /**
   * One request per connection: read it, forward it to RT, and answer with RT's answer or nothing.
   */
  private void serve() {
    while (!proxy.isClosed()) {
      try (var client = proxy.accept()) {
        var request = readRequest(client.getInputStream());
        if (request == null) continue;
        var line = request.head.substring(0, request.head.indexOf('\r'));
        boolean create = line.startsWith("POST ") && line.contains("/REST/2.0/ticket ");
        if (createsForwarded.get() >= 1) {
          refused.incrementAndGet();
          client
              .getOutputStream()
              .write(
                  "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
          continue;
        }
        var answer = forward(request);
        if (create) {
          createsForwarded.incrementAndGet();
          continue; // RT has the ticket; the connection closes without its answer
        }
        client.getOutputStream().write(answer);
      } catch (IOException e) {
        // closed, or a client that went away: next connection
      }
    }
  }

  private record Request(String head, byte[] body) {}

  private static Request readRequest(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) return null;
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    var text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (var header : text.split("\r\n")) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:"))
        length = Integer.parseInt(header.substring(15).strip());
    }
    return new Request(text, in.readNBytes(length));
  }

  /** Sends the request to RT on a connection of its own and returns RT's whole answer. */
  private byte[] forward(Request request) throws IOException {
    try (var rt = new Socket(rtUrl.getHost(), rtUrl.getPort())) {
      // One request per connection both ways, so "the answer" is everything until RT closes.
      var head =
          request
              .head
              .replaceAll("(?im)^connection:.*\r\n", "")
              .replaceFirst("\r\n\r\n$", "\r\nConnection: close\r\n\r\n");
      rt.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      rt.getOutputStream().write(request.body);
      rt.getOutputStream().flush();
      return rt.getInputStream().readAllBytes();
    }
  }
}
