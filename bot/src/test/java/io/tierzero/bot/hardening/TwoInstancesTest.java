package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatResponse;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.tickets.TicketReceipt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two bot instances on one PostgreSQL schema, each with its own index built from the same articles,
 * and no sticky sessions: a conversation whose calls alternate between them (a guided fix in
 * progress, its escalation, a ticket) must go exactly as it goes on one instance.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {
  private static final Path FLOWS = Path.of("../articles/flows").toAbsolutePath().normalize();
  private static final String TOKEN = "X-Conversation-Token";

  /** The VPN guided fix to its escalation, then a ticket. */
  private static final List<String> SCRIPT =
      List.of("my vpn won't connect", "yes", "It times out or can't reach the server", "no", "no");

  private String schema;
  private EmbeddedServer first;
  private EmbeddedServer second;
  private HttpClient one;
  private HttpClient two;

  @BeforeAll
  void start() {
    schema = Postgres.newSchema();
    // One after the other, so the second finds the schema migrated rather than racing Flyway.
    first = ApplicationContext.run(EmbeddedServer.class, instance(), "test");
    second = ApplicationContext.run(EmbeddedServer.class, instance(), "test");
    one = HttpClient.create(first.getURL());
    two = HttpClient.create(second.getURL());
  }

  private Map<String, Object> instance() {
    var properties = new HashMap<String, Object>(TestApp.properties(TestApp.newHome()));
    properties.putAll(Postgres.properties(schema));
    properties.put("tierzero.flows.dir", FLOWS.toString());
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.port", "0");
    return properties;
  }

  @AfterAll
  void stop() {
    if (one != null) one.close();
    if (two != null) two.close();
    if (first != null) first.getApplicationContext().close();
    if (second != null) second.getApplicationContext().close();
    Postgres.dropSchema(schema);
  }

  @Test
  void a_conversation_alternating_between_instances_goes_as_on_one_instance() {
    var alone = converse(List.of(one, one));
    var alternating = converse(List.of(one, two));

    assertEquals(alone.replies, alternating.replies);
    assertEquals(ReplyType.HANDOFF, alternating.lastType, "the guided fix escalated");
    assertEquals(alone.transcriptShape, alternating.transcriptShape);
    // Both instances read the same conversation and the same ticket.
    assertEquals(alternating.transcriptFrom(one), alternating.transcriptFrom(two));
    assertEquals(HttpStatus.OK, alternating.ticketStatus(two));
    assertEquals(HttpStatus.OK, alternating.ticketStatus(one));
    assertNotEquals(alone.ticket, alternating.ticket);
  }

  @Test
  void a_ticket_asked_for_twice_through_different_instances_is_one_ticket() {
    var conversation =
        one.toBlocking()
            .retrieve(HttpRequest.POST("/api/conversations", ""), StartedConversation.class);
    send(two, conversation, "my vpn won't connect");
    send(one, conversation, "talk to a person");

    var firstTicket = ticket(one, conversation);
    var secondTicket = ticket(two, conversation);

    assertEquals(firstTicket.number(), secondTicket.number());
  }

  /** Runs {@link #SCRIPT} sending turn i through {@code clients[i % 2]}, then raises a ticket. */
  private Conversation converse(List<HttpClient> clients) {
    var conversation =
        clients
            .get(1)
            .toBlocking()
            .retrieve(HttpRequest.POST("/api/conversations", ""), StartedConversation.class);
    var replies = new ArrayList<String>();
    ReplyType lastType = null;
    for (int i = 0; i < SCRIPT.size(); i++) {
      for (var reply : send(clients.get(i % 2), conversation, SCRIPT.get(i))) {
        replies.add(
            reply.type()
                + ": "
                + reply.text()
                + " "
                + reply.options()
                + " "
                + (reply.input() == null ? "" : reply.input().type()));
        lastType = reply.type();
      }
    }
    var receipt = ticket(clients.get(SCRIPT.size() % 2), conversation);
    var shape = new ArrayList<String>();
    for (var entry : transcript(clients.get(0), conversation).messages())
      shape.add(
          (entry.from() + " " + entry.type() + " " + entry.text()).replaceAll("T-\\d+", "T-n"));
    return new Conversation(conversation, replies, lastType, shape, receipt.number());
  }

  private record Conversation(
      StartedConversation conversation,
      List<String> replies,
      ReplyType lastType,
      List<String> transcriptShape,
      String ticket) {
    List<String> transcriptFrom(HttpClient client) {
      return transcript(client, conversation).messages().stream()
          .map(e -> e.id() + " " + e.from() + " " + e.text())
          .toList();
    }

    HttpStatus ticketStatus(HttpClient client) {
      return client
          .toBlocking()
          .exchange(
              HttpRequest.GET("/api/tickets/" + ticket).header(TOKEN, conversation.token()),
              TicketReceipt.class)
          .getStatus();
    }
  }

  private static List<BotMessage> send(
      HttpClient client, StartedConversation conversation, String text) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/messages", Map.of("text", text))
                .header(TOKEN, conversation.token()),
            ChatResponse.class)
        .replies();
  }

  private static TicketReceipt ticket(HttpClient client, StartedConversation conversation) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/ticket",
                    Map.of("name", "Jo Bloggs", "email", "jo@example.com", "consent", true))
                .header(TOKEN, conversation.token()),
            TicketReceipt.class);
  }

  private static Transcript transcript(HttpClient client, StartedConversation conversation) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/conversations/" + conversation.id())
                .header(TOKEN, conversation.token()),
            Transcript.class);
  }
}
