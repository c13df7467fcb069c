package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A user notes on and closes their ticket in the chat, in their own words, over HTTP; each change
 * is recorded on the ticket and reaches a real webhook receiver exactly once as {@code
 * ticket.updated}. And the tickets of the conversations a browser started, by their tokens.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketsInChatTest implements TestPropertyProvider {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ObjectMapper json = ObjectMapper.getDefault();

  /** What the receiver got, by idempotency key. */
  private final Map<String, List<TicketMessage>> received = new ConcurrentHashMap<>();

  private final HttpServer receiver = receiver();

  @Inject
  @Client("/")
  HttpClient client;

  /** The bundle's texts, which the replies are compared to. */
  @Inject TicketTexts texts;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TicketsTestApp.properties());
    properties.put(
        "tierzero.tickets.webhooks.helpdesk.url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    properties.put("tierzero.tickets.webhooks.helpdesk.secret", "chat-hook-secret");
    properties.put("tierzero.tickets.outbox.poll-interval", "50ms");
    properties.put("tierzero.tickets.outbox.initial-delay", "0ms");
    return properties;
  }

  @AfterAll
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void closing_from_the_chat_asks_once_then_closes_and_the_sinks_hear_it_once() throws Exception {
    var c = conversation();
    var ticket = raise(c);

    var question = send(client, c, "its fixed now close the ticket").get(0);
    assertTrue(question.text().startsWith("Close " + ticket.number() + "?"), question.toString());
    assertEquals(List.of("Yes", "No"), question.options());
    assertEquals(ReplyInput.YES_NO, question.input().type());
    assertEquals(TicketStatus.NEW, agentView(ticket).status(), "nothing closed before the yes");

    var closed = send(client, c, "Yes").get(0);
    assertEquals(ReplyType.TICKET_STATUS, closed.type(), closed.toString());
    assertTrue(closed.text().startsWith("Closed " + ticket.number() + "."), closed.text());
    var agent = agentView(ticket);
    assertEquals(TicketStatus.CLOSED, agent.status());
    assertEquals(List.of(TicketChange.CLOSED), kinds(agent));

    // Asked again, it is already closed: nothing more is recorded or sent.
    var again = send(client, c, "you can close my request").get(0);
    assertTrue(again.text().contains("is closed"), again.text());
    assertTrue(
        send(client, c, "whats the status of my ticket")
            .get(0)
            .text()
            .contains("closed, last updated"));

    var change = agent.updates().get(0);
    await("the close delivered", () -> received.containsKey(change.id()));
    Thread.sleep(500);
    assertEquals(1, received.get(change.id()).size(), "delivered once");
    assertEquals(TicketMessage.UPDATED, received.get(change.id()).get(0).event());
    assertEquals(TicketChange.CLOSED, received.get(change.id()).get(0).update().kind());
    assertEquals(1, agentView(ticket).updates().size());
  }

  @Test
  void no_keeps_the_ticket_open() {
    var c = conversation();
    var ticket = raise(c);

    assertTrue(
        send(client, c, "cancel my ticket")
            .get(0)
            .text()
            .startsWith("Close " + ticket.number() + "?"));
    var kept = send(client, c, "No").get(0);

    assertEquals("OK, " + ticket.number() + " stays open.", kept.text());
    assertEquals(TicketStatus.NEW, agentView(ticket).status());
    assertNull(agentView(ticket).updates());
  }

  @Test
  void a_note_in_the_message_is_added_and_delivered_once() throws Exception {
    var c = conversation();
    var ticket = raise(c);

    var added = send(client, c, "please add that it still happens after the update").get(0);

    assertEquals(ReplyType.TICKET_STATUS, added.type(), added.toString());
    assertEquals(
        "Added to "
            + ticket.number()
            + ": \"it still happens after the update\". The IT Service Desk gets it with your"
            + " ticket.",
        added.text());
    var note = agentView(ticket).updates().get(0);
    assertEquals(TicketChange.NOTE, note.kind());
    assertEquals("it still happens after the update", note.text());
    await("the note delivered", () -> received.containsKey(note.id()));
    Thread.sleep(500);
    assertEquals(1, received.get(note.id()).size(), "delivered once");
    assertEquals(TicketMessage.UPDATED, received.get(note.id()).get(0).event());
    assertEquals(
        "it still happens after the update", received.get(note.id()).get(0).update().text());
  }

  @Test
  void a_note_without_its_text_is_asked_for_and_the_answer_is_the_note() {
    var c = conversation();
    var ticket = raise(c);

    var question = send(client, c, "add a note to my ticket").get(0);
    assertTrue(
        question.text().startsWith("What should I add to " + ticket.number() + "?"),
        question.toString());
    assertEquals(ReplyInput.TEXT, question.input().type());
    assertNull(agentView(ticket).updates(), "nothing added yet");

    var added = send(client, c, "The error says 0x80070005 since Monday").get(0);

    assertTrue(added.text().startsWith("Added to " + ticket.number()), added.text());
    var history = agentView(ticket).updates();
    assertEquals(1, history.size());
    assertEquals("The error says 0x80070005 since Monday", history.get(0).text());

    // Cancel when asked adds nothing.
    send(client, c, "add a note to my ticket");
    assertEquals(
        "OK, I added nothing to " + ticket.number() + ".", send(client, c, "Cancel").get(0).text());
    assertEquals(1, agentView(ticket).updates().size());
  }

  @Test
  void
      without_a_ticket_in_this_chat_note_and_close_say_how_to_find_tickets_and_the_widget_lists_this_browsers() {
    for (var text : List.of("you can close my request", "add a note to my ticket")) {
      var reply = send(client, conversation(), text).get(0);
      assertEquals(ReplyType.TICKET_STATUS, reply.type(), text + ": " + reply);
      assertEquals(texts.get("tickets.chat-status.none-known.no-lookup"), reply.text());
      assertEquals(Reply.SHOW_MY_TICKETS, reply.action());
    }
  }

  @Test
  void a_browsers_conversations_give_their_tickets_and_nothing_tells_which_others_exist() {
    var first = conversation();
    var firstTicket = raise(first);
    var second = conversation();
    var secondTicket = raise(second);
    // A note makes the older ticket the most recently updated one.
    var noted = send(client, first, "please add that it is the left monitor").get(0);
    assertTrue(noted.text().startsWith("Added to " + firstTicket.number()), noted.text());
    var withoutTicket = conversation();
    var someoneElses = conversation();
    raise(someoneElses);

    var mine =
        mine(
            List.of(
                entry(first.id(), first.token()),
                entry(second.id(), second.token()),
                entry(withoutTicket.id(), withoutTicket.token()),
                entry(someoneElses.id(), first.token()),
                entry("no-such-conversation", "made-up-token")));

    // The most recently updated first.
    assertEquals(
        List.of(firstTicket.number(), secondTicket.number()),
        mine.tickets().stream().map(TicketReceipt::number).toList());
    assertEquals(TicketStatus.NEW, mine.tickets().get(0).status());
    assertTrue(mine.tickets().get(0).updatedAt().isAfter(mine.tickets().get(0).createdAt()));

    var nothing =
        mine(
            List.of(
                entry(someoneElses.id(), "wrong"), entry("no-such-conversation", "made-up-token")));
    assertEquals(List.of(), nothing.tickets());
  }

  @Test
  void a_bad_list_of_conversations_is_a_400_with_a_message() {
    var tooMany = new ArrayList<Map<String, String>>();
    for (int i = 0; i <= MyTicketsRequest.MAX; i++) tooMany.add(entry("c" + i, "t" + i));
    var bad =
        List.<Object>of(
            Map.of(),
            Map.of("conversations", tooMany),
            Map.of("conversations", List.of(Map.of("id", "x"))),
            Map.of("conversations", List.of(entry("", "t"))),
            Map.of("conversations", "not a list"));
    for (var body : bad) {
      var e =
          assertThrows(
              HttpClientResponseException.class,
              () ->
                  client
                      .toBlocking()
                      .exchange(HttpRequest.POST("/api/tickets/mine", body), String.class),
              "case " + bad.indexOf(body));
      assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), "case " + bad.indexOf(body));
      assertTrue(
          e.getResponse().getBody(String.class).orElse("").contains("\"message\""),
          "case " + bad.indexOf(body));
    }
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

  private MyTickets mine(List<Map<String, String>> conversations) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST("/api/tickets/mine", Map.of("conversations", conversations)),
            MyTickets.class);
  }

  private static Map<String, String> entry(String id, String token) {
    return Map.of("id", id, "token", token);
  }

  private AgentTicket agentView(TicketReceipt ticket) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/agent/tickets/" + ticket.number())
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)),
            AgentTicket.class);
  }

  private static List<String> kinds(AgentTicket agent) {
    return agent.updates().stream().map(TicketChange::kind).toList();
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

  /** A helpdesk that accepts everything and keeps what it got by idempotency key. */
  private HttpServer receiver() {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            var message =
                json.readValue(exchange.getRequestBody().readAllBytes(), TicketMessage.class);
            received
                .computeIfAbsent(
                    exchange.getRequestHeaders().getFirst(WebhookSink.IDEMPOTENCY_KEY),
                    k -> new CopyOnWriteArrayList<>())
                .add(message);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
