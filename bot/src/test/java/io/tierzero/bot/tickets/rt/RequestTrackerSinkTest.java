package io.tierzero.bot.tickets.rt;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.tickets.AgentTicket;
import io.tierzero.bot.tickets.TicketReceipt;
import io.tierzero.bot.tickets.TicketsTestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A ticket raised in the chat reaches a real Request Tracker over REST 2: in the RT queue its queue
 * maps to, with the mapped priority, the requester as requestor, our key in the custom field, and
 * the conversation in its first message.
 */
class RequestTrackerSinkTest {
  static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void a_ticket_reaches_rt_with_its_transcript_in_the_mapped_queue_with_the_mapped_priority() {
    var rt = RequestTracker.require();
    var properties = new HashMap<String, Object>(TicketsTestApp.properties());
    properties.putAll(rt.botProperties());
    properties.put("micronaut.server.port", "-1");
    properties.put("tierzero.tickets.rt.queues.service-desk", "Identity");
    // Numbers RT would never pick itself, one per priority, so the mapping is what is checked.
    properties.put("tierzero.tickets.rt.priorities.P1", "91");
    properties.put("tierzero.tickets.rt.priorities.P2", "72");
    properties.put("tierzero.tickets.rt.priorities.P3", "53");
    properties.put("tierzero.tickets.rt.priorities.P4", "34");
    Map<String, Integer> mapped = Map.of("P1", 91, "P2", 72, "P3", 53, "P4", 34);

    try (var app = ApplicationContext.run(EmbeddedServer.class, properties);
        var client = HttpClient.create(app.getURL())) {
      var c = TicketsTestApp.start(client, Map.of());
      send(client, c, "my laptop will not start after the update");
      send(client, c, "talk to a person");
      var receipt =
          client
              .toBlocking()
              .retrieve(
                  submit(c, form("Jo Bloggs", "jo.rt@example.com", true)), TicketReceipt.class);
      var ours = agentTicket(client, receipt.number());

      await("the ticket delivered to rt", () -> delivered(agentTicket(client, receipt.number())));

      var ids = rt.ticketsWithKey(ours.id());
      assertEquals(1, ids.size(), ids.toString());
      var ticket = rt.ticket(ids.get(0));
      assertEquals("Identity", rt.queueName(ticket));
      assertEquals(
          String.valueOf(mapped.get(ours.priority().name())),
          ticket.get("Priority").getStringValue());
      assertEquals(
          "[" + receipt.number() + "] " + ours.subject(), ticket.get("Subject").getStringValue());
      assertEquals("jo.rt@example.com", ticket.get("Requestor").get(0).get("id").getStringValue());
      var created = rt.history(ids.get(0)).get(0);
      assertEquals("Create", created.get("type"));
      var content = created.get("content");
      assertTrue(content.contains("my laptop will not start after the update"), content);
      assertTrue(content.contains("Conversation (secrets redacted)"), content);
      assertTrue(content.contains("Requester: Jo Bloggs <jo.rt@example.com>"), content);
    }
  }

  static AgentTicket agentTicket(HttpClient client, String number) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/agent/tickets/" + number)
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)),
            AgentTicket.class);
  }

  static boolean delivered(AgentTicket ticket) {
    return ticket.deliveries().stream()
            .filter(d -> d.sink().equals(RequestTrackerSink.NAME))
            .allMatch(d -> d.state().equals("delivered"))
        && !ticket.deliveries().isEmpty();
  }

  static void await(String what, BooleanSupplier condition) {
    var deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) fail("Gave up waiting for: " + what);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for: " + what);
      }
    }
  }
}
