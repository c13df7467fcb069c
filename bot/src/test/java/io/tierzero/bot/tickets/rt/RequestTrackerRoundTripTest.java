package io.tierzero.bot.tickets.rt;

import static io.tierzero.bot.tickets.TicketsTestApp.TOKEN;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static io.tierzero.bot.tickets.rt.RequestTrackerSinkTest.agentTicket;
import static io.tierzero.bot.tickets.rt.RequestTrackerSinkTest.await;
import static io.tierzero.bot.tickets.rt.RequestTrackerSinkTest.delivered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.tickets.TicketReceipt;
import io.tierzero.bot.tickets.TicketStatus;
import io.tierzero.bot.tickets.TicketsTestApp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both ways between the chat and a real Request Tracker: an agent's reply and status changes made
 * in RT (through its REST 2 API) reach the user's chat and the ticket's status; the user's notes,
 * in chat and over the API, reach RT as correspondence, each exactly once.
 */
class RequestTrackerRoundTripTest {

  @Test
  void rt_replies_and_status_changes_reach_the_chat_and_notes_reach_rt() {
    var rt = RequestTracker.require();
    var properties = new HashMap<String, Object>(TicketsTestApp.properties());
    properties.putAll(rt.botProperties());
    properties.put("micronaut.server.port", "-1");

    try (var app = ApplicationContext.run(EmbeddedServer.class, properties);
        var client = HttpClient.create(app.getURL())) {
      var c = TicketsTestApp.start(client, Map.of());
      send(client, c, "the vpn drops every ten minutes");
      send(client, c, "talk to a person");
      var receipt =
          client
              .toBlocking()
              .retrieve(
                  submit(c, form("Sam Rivera", "sam.rt@example.com", true)), TicketReceipt.class);
      var ours = agentTicket(client, receipt.number());
      await("the ticket delivered to rt", () -> delivered(agentTicket(client, receipt.number())));
      long id = rt.ticketsWithKey(ours.id()).get(0);

      // An agent answers in RT: the user reads it in the chat, and the ticket is open (RT opens a
      // new ticket on its first correspondence).
      var answer =
          "Please reinstall the VPN client from the software centre and tell me if it still drops.";
      rt.agentReplies(id, answer);
      await("the agent's reply in the chat", () -> botSaid(client, c, answer));
      await("the ticket open", () -> status(client, c, receipt.number()) == TicketStatus.OPEN);
      var reply = lastBotMessageContaining(client, c, answer);
      assertEquals(ReplyType.TICKET_STATUS, reply.type());
      assertTrue(
          reply.text().startsWith("The IT Service Desk replied on " + receipt.number()),
          reply.text());

      // The agent waits for the user: "stalled" in RT is "pending" here, and the chat says so.
      rt.agentSetsStatus(id, "stalled");
      await(
          "pending in the chat",
          () -> botSaid(client, c, "Your ticket " + receipt.number() + " is now pending."));
      assertEquals(TicketStatus.PENDING, status(client, c, receipt.number()));
      var asked = send(client, c, "whats the status of my ticket").get(0);
      assertTrue(asked.text().contains("pending"), asked.text());

      // The user's notes, in chat and over the API, reach RT as correspondence by the bot.
      var inChat = "it still happens after the update";
      var added = send(client, c, "please add that " + inChat).get(0);
      assertTrue(added.text().startsWith("Added to " + receipt.number()), added.text());
      var overApi = "It also drops on the office wifi.";
      client
          .toBlocking()
          .exchange(
              HttpRequest.POST(
                      "/api/tickets/" + receipt.number() + "/notes", Map.of("text", overApi))
                  .header(TOKEN, c.token()));
      await("both notes delivered", () -> delivered(agentTicket(client, receipt.number())));
      await(
          "both notes in rt",
          () -> correspondence(rt, id, inChat) == 1 && correspondence(rt, id, overApi) == 1);

      // RT resolves it: the chat says so. The bot's own notes were never told back to the user.
      rt.agentSetsStatus(id, "resolved");
      await(
          "resolved in the chat",
          () -> botSaid(client, c, "Your ticket " + receipt.number() + " is now resolved."));
      assertEquals(TicketStatus.RESOLVED, status(client, c, receipt.number()));
      var transcript = transcript(client, c);
      assertEquals(
          1,
          transcript.messages().stream().filter(m -> m.text().contains(answer)).count(),
          "the reply is told once");
      assertTrue(
          transcript.messages().stream()
              .noneMatch(
                  m ->
                      m.text().startsWith("The IT Service Desk replied")
                          && m.text().contains(overApi)));
      // Exactly once in RT, however many polls ran.
      assertEquals(1, correspondence(rt, id, inChat));
      assertEquals(1, correspondence(rt, id, overApi));
    }
  }

  private static long correspondence(RequestTracker rt, long id, String text) {
    return rt.history(id).stream()
        .filter(
            t ->
                t.get("type").equals("Correspond")
                    && t.get("creator").equals("tierzero")
                    && t.get("content").contains(text))
        .count();
  }

  private static Transcript transcript(HttpClient client, StartedConversation c) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/conversations/" + c.id()).header(TOKEN, c.token()),
            Transcript.class);
  }

  private static boolean botSaid(HttpClient client, StartedConversation c, String text) {
    return transcript(client, c).messages().stream()
        .anyMatch(m -> m.from().equals("bot") && m.text().contains(text));
  }

  private static Transcript.Entry lastBotMessageContaining(
      HttpClient client, StartedConversation c, String text) {
    List<Transcript.Entry> found =
        transcript(client, c).messages().stream()
            .filter(m -> m.from().equals("bot") && m.text().contains(text))
            .toList();
    return found.get(found.size() - 1);
  }

  private static TicketStatus status(HttpClient client, StartedConversation c, String number) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/tickets/" + number).header(TOKEN, c.token()), TicketReceipt.class)
        .status();
  }
}
