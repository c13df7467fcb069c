package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.flows.FlowEscalationRecord;
import io.tierzero.bot.flows.FlowEscalationRepository;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A ticket raised after a flow stored its escalation carries the flow's context. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowEscalationReaderTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject FlowEscalationRepository flowEscalations;

  @Override
  public Map<String, String> getProperties() {
    return TicketsTestApp.properties();
  }

  private AgentTicket agentView(String number) {
    return client
        .toBlocking()
        .retrieve(HttpRequest.GET("/api/agent/tickets/" + number).header("Authorization", basic(AGENT, AGENT_PASSWORD)), AgentTicket.class);
  }

  private TicketReceipt raise(io.tierzero.bot.conversations.StartedConversation c) {
    return client.toBlocking().retrieve(submit(c, form("Jo Bloggs", "jo@example.com", true)), TicketReceipt.class);
  }

  private io.tierzero.bot.conversations.StartedConversation start() {
    return TicketsTestApp.start(client, Map.of());
  }

  @Test
  void a_flow_escalation_stored_by_the_flow_is_read_for_the_ticket() {
    var c = start();
    send(client, c, "I think I got a phishing email");
    flowEscalations.save(
        new FlowEscalationRecord(
            UUID.randomUUID().toString(),
            c.id(),
            "report-phishing",
            "clicked",
            "security",
            "P1",
            "The user clicked the link",
            "{\"answers\":{\"clicked\":\"yes\"},\"actions\":[{\"step\":\"s\",\"action\":\"notify\",\"outcome\":\"failed\",\"detail\":\"timeout\"}],\"tried\":[\"Checked the sender\"]}",
            Instant.now().truncatedTo(ChronoUnit.MICROS)));

    var ticket = agentView(raise(c).number());

    assertEquals("flow", ticket.trigger());
    assertEquals("security", ticket.category());
    assertEquals(Priority.P1, ticket.priority());
    assertEquals("report-phishing", ticket.context().flow().id());
    assertEquals(List.of("Checked the sender"), ticket.context().flow().tried());
    assertEquals("failed: timeout", ticket.context().flow().actionOutcomes().get(0).outcome());
  }

}
