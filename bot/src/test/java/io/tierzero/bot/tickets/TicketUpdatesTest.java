package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.TOKEN;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A requester's note and close over HTTP, recorded on the ticket and delivered through the outbox
 * to a real webhook receiver and a real SMTP server. The receiver refuses the first attempt of
 * every delivery, so each change reaches it only by a retry: it must then be accepted exactly once
 * per change, under the change's own idempotency key.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketUpdatesTest implements TestPropertyProvider {
  private static final String SECRET = "update-hook-secret";

  /** Generous: delivery is asynchronous; the assertion is that it happens, once. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ObjectMapper json = ObjectMapper.getDefault();

  /** Every attempt by idempotency key, and what a receiver storing by key accepted. */
  private final Map<String, List<TicketMessage>> attempts = new ConcurrentHashMap<>();

  private final Map<String, List<TicketMessage>> accepted = new ConcurrentHashMap<>();
  private final List<String> wrongHeaders = new CopyOnWriteArrayList<>();
  private final HttpServer receiver = receiver();
  private final GreenMail smtp = smtp();

  @Inject
  @Client("/")
  HttpClient client;

  @Inject TicketUpdates updates;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TicketsTestApp.properties());
    properties.put(
        "tierzero.tickets.webhooks.helpdesk.url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    properties.put("tierzero.tickets.webhooks.helpdesk.secret", SECRET);
    properties.put("tierzero.tickets.email.to", "servicedesk@example.com");
    properties.put("tierzero.tickets.email.from", "tierzero@example.com");
    properties.put("tierzero.tickets.email.host", "127.0.0.1");
    properties.put("tierzero.tickets.email.port", Integer.toString(smtp.getSmtp().getPort()));
    properties.put("tierzero.tickets.outbox.poll-interval", "50ms");
    properties.put("tierzero.tickets.outbox.initial-delay", "0ms");
    properties.put("tierzero.tickets.outbox.initial-backoff", "20ms");
    properties.put("tierzero.tickets.outbox.max-backoff", "200ms");
    return properties;
  }

  @AfterAll
  void stopServers() {
    receiver.stop(0);
    smtp.stop();
  }

  // ---- the tests ----

  @Test
  void a_note_and_a_close_are_recorded_on_the_ticket_and_each_reaches_every_sink_exactly_once()
      throws Exception {
    var c = conversation();
    var ticket = raise(c);

    var noted =
        client
            .toBlocking()
            .exchange(
                note(ticket, c.token(), "It also happens on the second monitor"),
                TicketUpdateReceipt.class);
    assertEquals(HttpStatus.CREATED, noted.getStatus());
    var note = noted.body().update();
    assertEquals(TicketChange.NOTE, note.kind());
    assertEquals("It also happens on the second monitor", note.text());
    assertEquals(TicketStatus.NEW, noted.body().ticket().status());

    var closed =
        client
            .toBlocking()
            .exchange(
                close(ticket, c.token(), Map.of("text", "it's fixed now")),
                TicketUpdateReceipt.class);
    assertEquals(HttpStatus.OK, closed.getStatus());
    var close = closed.body().update();
    assertEquals(TicketChange.CLOSED, close.kind());
    assertEquals("it's fixed now", close.text());
    assertEquals(TicketStatus.CLOSED, closed.body().ticket().status());

    // Closing again changes nothing: the same close comes back, and nothing more is delivered.
    var again =
        client.toBlocking().retrieve(close(ticket, c.token(), null), TicketUpdateReceipt.class);
    assertEquals(close.id(), again.update().id());
    assertEquals(TicketStatus.CLOSED, again.ticket().status());

    var agent = agentView(ticket.number());
    assertEquals(TicketStatus.CLOSED, agent.status());
    assertNotNull(agent.resolvedAt());
    assertEquals(
        List.of(note.id(), close.id()), agent.updates().stream().map(TicketChange::id).toList());
    assertEquals(
        List.of("note", "closed"), agent.updates().stream().map(TicketChange::kind).toList());

    // The webhook: the ticket and each change accepted once, each change after one refused attempt.
    await("the ticket and both changes accepted", () -> accepted(agent.id()).size() == 3);
    await(
        "every delivery marked delivered",
        () ->
            agentView(ticket.number()).deliveries().stream()
                .allMatch(d -> d.state().equals("delivered")));
    var byKey = accepted(agent.id());
    assertEquals(1, byKey.get(agent.id()).size());
    assertEquals(TicketMessage.CREATED, byKey.get(agent.id()).get(0).event());
    for (var change : List.of(note, close)) {
      var copies = byKey.get(change.id());
      assertNotNull(copies, "delivered under the change's id: " + byKey.keySet());
      assertEquals(1, copies.size(), "accepted once: " + change);
      assertEquals(2, attempts.get(change.id()).size(), "refused once, then retried once");
      var message = copies.get(0);
      assertEquals(TicketMessage.UPDATED, message.event());
      assertEquals(change.id(), message.idempotencyKey());
      assertEquals(change, message.update());
      assertEquals(ticket.number(), message.ticket().number());
      assertNull(
          message.ticket().context(), "the receiver has the conversation from ticket.created");
      assertTrue(message.transcriptText().contains(change.text()), message.transcriptText());
    }
    assertEquals(List.of(), wrongHeaders);
    // Webhook and email, for the ticket and for each change; none for the repeated close.
    assertEquals(6, agentView(ticket.number()).deliveries().size());

    // The mailbox: the ticket, then each change as a reply in its thread.
    await("three mails for the ticket", () -> mails(ticket.number()).size() == 3);
    var mails = mails(ticket.number());
    var first = "<" + agent.id() + "@tierzero>";
    assertEquals(first, mails.get(0).getMessageID());
    for (var change : List.of(note, close)) {
      var mail =
          mails.stream()
              .filter(m -> header(m, "Message-ID").equals("<" + change.id() + "@tierzero>"))
              .findFirst()
              .orElseThrow();
      assertEquals(first, header(mail, "In-Reply-To"));
      assertTrue(mail.getSubject().startsWith("Re: [" + ticket.number() + "] "), mail.getSubject());
      assertTrue(
          mail.getContent().toString().contains(change.text()), mail.getContent().toString());
    }

    // Nothing arrives later: a delivered change is never sent again.
    Thread.sleep(500);
    assertEquals(2, attempts.get(note.id()).size());
    assertEquals(2, attempts.get(close.id()).size());
    assertEquals(3, mails(ticket.number()).size());
  }

  @Test
  void a_ticket_that_is_not_the_callers_is_404_exactly_like_one_that_does_not_exist() {
    var c = conversation();
    var ticket = raise(c);
    var other = conversation();

    var notMine = refused(note(ticket, other.token(), "let me in"));
    var noSuch =
        refused(
            HttpRequest.POST("/api/tickets/T-999999/notes", Map.of("text", "hello"))
                .header(TOKEN, c.token()));
    assertEquals(HttpStatus.NOT_FOUND, notMine.getStatus());
    assertEquals(HttpStatus.NOT_FOUND, noSuch.getStatus());
    assertEquals(message(notMine), message(noSuch));
    assertEquals(HttpStatus.NOT_FOUND, refused(close(ticket, other.token(), null)).getStatus());
    assertEquals(
        HttpStatus.UNAUTHORIZED,
        refused(HttpRequest.POST(base(ticket) + "/notes", Map.of("text", "hi"))).getStatus());
    assertEquals(
        HttpStatus.UNAUTHORIZED,
        refused(HttpRequest.POST(base(ticket) + "/close", Map.of())).getStatus());

    assertEquals(TicketStatus.NEW, agentView(ticket.number()).status());
    assertNull(
        agentView(ticket.number()).updates(),
        "no history: left out of the JSON, like any empty list");
  }

  @Test
  void bad_input_is_a_400_with_a_message_and_changes_nothing() {
    var c = conversation();
    var ticket = raise(c);

    var bad =
        List.<HttpRequest<?>>of(
            note(ticket, c.token(), ""),
            note(ticket, c.token(), "   "),
            note(ticket, c.token(), "x".repeat(TicketUpdates.MAX_TEXT + 1)),
            HttpRequest.POST(base(ticket) + "/notes", Map.of()).header(TOKEN, c.token()),
            HttpRequest.POST(base(ticket) + "/notes", "{\"text\": ")
                .contentType(MediaType.APPLICATION_JSON)
                .header(TOKEN, c.token()),
            close(ticket, c.token(), Map.of("text", "x".repeat(TicketUpdates.MAX_TEXT + 1))));
    for (var request : bad) {
      var e =
          assertThrows(
              HttpClientResponseException.class,
              () -> client.toBlocking().exchange(request, String.class),
              "case " + bad.indexOf(request));
      assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), "case " + bad.indexOf(request));
      assertTrue(
          e.getResponse().getBody(String.class).orElse("").contains("\"message\""),
          e.getResponse().getBody(String.class).toString());
    }
    assertNull(
        agentView(ticket.number()).updates(),
        "no history: left out of the JSON, like any empty list");
    assertEquals(TicketStatus.NEW, agentView(ticket.number()).status());
  }

  @Test
  void a_closed_ticket_takes_no_more_notes() {
    var c = conversation();
    var ticket = raise(c);
    client.toBlocking().exchange(close(ticket, c.token(), null));

    var e = refused(note(ticket, c.token(), "one more thing"));

    assertEquals(HttpStatus.CONFLICT, e.getStatus());
    assertTrue(e.getResponse().getBody(String.class).orElse("").contains("closed"));
    assertEquals(
        List.of("closed"),
        agentView(ticket.number()).updates().stream().map(TicketChange::kind).toList());
    assertNull(agentView(ticket.number()).updates().get(0).text(), "closed without a word");
  }

  @Test
  void secrets_in_a_note_are_redacted_before_it_is_stored_or_sent() {
    var c = conversation();
    var ticket = raise(c);

    var change =
        client
            .toBlocking()
            .retrieve(
                note(
                    ticket,
                    c.token(),
                    "my password is Hunter2-Secret! and the card 4111 1111 1111 1111 was charged"),
                TicketUpdateReceipt.class)
            .update();

    assertFalse(change.text().contains("Hunter2"), change.text());
    assertFalse(change.text().contains("4111"), change.text());
    assertTrue(
        change.text().contains("[redacted password]")
            && change.text().contains("[redacted card number]"),
        change.text());
    assertEquals(change.text(), agentView(ticket.number()).updates().get(0).text());
    await(
        "the note delivered",
        () -> accepted(agentView(ticket.number()).id()).containsKey(change.id()));
    for (var copies : attempts.get(change.id()))
      assertFalse(copies.transcriptText().contains("Hunter2"));
  }

  @Test
  void the_same_note_sent_twice_in_a_row_is_recorded_once() {
    var c = conversation();
    var ticket = raise(c);

    var first =
        client
            .toBlocking()
            .exchange(note(ticket, c.token(), "It's the left one"), TicketUpdateReceipt.class);
    var second =
        client
            .toBlocking()
            .exchange(note(ticket, c.token(), " It's the left one "), TicketUpdateReceipt.class);

    assertEquals(HttpStatus.CREATED, first.getStatus());
    assertEquals(HttpStatus.OK, second.getStatus());
    assertEquals(first.body().update().id(), second.body().update().id());
    assertEquals(1, agentView(ticket.number()).updates().size());
  }

  @Test
  void closing_from_several_tabs_at_once_records_one_close() throws Exception {
    var c = conversation();
    var ticket = raise(c);

    var results = new ArrayList<java.util.concurrent.Future<TicketUpdateReceipt>>();
    try (var pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        results.add(
            pool.submit(
                () ->
                    client
                        .toBlocking()
                        .retrieve(close(ticket, c.token(), null), TicketUpdateReceipt.class)));
      }
    }
    var ids = new java.util.HashSet<String>();
    for (var result : results) ids.add(result.get().update().id());

    assertEquals(1, ids.size(), "every tab sees the one close");
    var agent = agentView(ticket.number());
    assertEquals(1, agent.updates().size());
    assertEquals(
        2 * 2, agent.deliveries().size(), "webhook and email, for the ticket and the one close");
  }

  @Test
  void a_chat_turn_changes_the_ticket_of_its_own_conversation_through_the_service() {
    var c = conversation();
    var ticket = raise(c);

    var noted =
        updates
            .addNote(TicketUpdates.Access.ofConversation(c.id()), "Noted from the chat")
            .orElseThrow();
    var closed = updates.close(TicketUpdates.Access.ofConversation(c.id()), null).orElseThrow();

    assertTrue(noted.recorded());
    assertEquals(ticket.number(), closed.ticket().number());
    assertEquals(TicketStatus.CLOSED, closed.ticket().status());
    assertTrue(
        updates
            .addNote(TicketUpdates.Access.ofConversation(conversation().id()), "no ticket here")
            .isEmpty());
    assertThrows(
        TicketUpdates.TicketClosedException.class,
        () -> updates.addNote(TicketUpdates.Access.ofConversation(c.id()), "late"));
    assertEquals(
        List.of("note", "closed"),
        agentView(ticket.number()).updates().stream().map(TicketChange::kind).toList());
  }

  // ---- helpers ----

  private StartedConversation conversation() {
    return TicketsTestApp.start(client, Map.of());
  }

  private TicketReceipt raise(StartedConversation c) {
    send(client, c, "my screen flickers");
    send(client, c, "talk to a person");
    return client
        .toBlocking()
        .retrieve(submit(c, form("Jo Bloggs", "jo@example.com", true)), TicketReceipt.class);
  }

  private static String base(TicketReceipt ticket) {
    return "/api/tickets/" + ticket.number();
  }

  private static HttpRequest<?> note(TicketReceipt ticket, String token, String text) {
    return HttpRequest.POST(base(ticket) + "/notes", Map.of("text", text)).header(TOKEN, token);
  }

  private static HttpRequest<?> close(
      TicketReceipt ticket, String token, Map<String, Object> body) {
    return (body == null
            ? HttpRequest.POST(base(ticket) + "/close", "")
            : HttpRequest.POST(base(ticket) + "/close", body))
        .header(TOKEN, token);
  }

  private HttpClientResponseException refused(HttpRequest<?> request) {
    return assertThrows(
        HttpClientResponseException.class,
        () -> client.toBlocking().exchange(request, String.class));
  }

  /** The error's message; the rest of the body names the request's own path. */
  private String message(HttpClientResponseException e) {
    var body = e.getResponse().getBody(String.class).orElse("");
    try {
      return String.valueOf(json.readValue(body, Map.class).get("_embedded"));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private AgentTicket agentView(String number) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/agent/tickets/" + number)
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)),
            AgentTicket.class);
  }

  /** What the receiver accepted for one ticket, by idempotency key. */
  private Map<String, List<TicketMessage>> accepted(String ticketId) {
    var out = new HashMap<String, List<TicketMessage>>();
    accepted.forEach(
        (key, copies) -> {
          if (copies.get(0).ticket().id().equals(ticketId)) out.put(key, List.copyOf(copies));
        });
    return out;
  }

  private List<MimeMessage> mails(String number) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getSubject().contains("[" + number + "]");
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  private static String header(MimeMessage mail, String name) {
    try {
      var values = mail.getHeader(name);
      return values == null ? "" : values[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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

  private static GreenMail smtp() {
    var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    return mail;
  }

  /** A helpdesk that stores by idempotency key and refuses the first attempt of every delivery. */
  private HttpServer receiver() {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            var key = exchange.getRequestHeaders().getFirst(WebhookSink.IDEMPOTENCY_KEY);
            var message = json.readValue(body, TicketMessage.class);
            if (!WebhookSink.signature(SECRET, body)
                    .equals(exchange.getRequestHeaders().getFirst(WebhookSink.SIGNATURE))
                || !message.event().equals(exchange.getRequestHeaders().getFirst(WebhookSink.EVENT))
                || !message.idempotencyKey().equals(key)) {
              wrongHeaders.add(key);
            }
            var tries = attempts.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
            tries.add(message);
            int status = 503;
            if (tries.size() > 1) {
              // Stored by key: a copy under a key already stored is the same delivery, not a new
              // one.
              accepted.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(message);
              status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
