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
import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.bot.chat.FlowHandoff;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A ticket raised after a flow handed over its escalation carries the flow's context. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketFlowHandoffTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  /** The seam the flow engine calls when a flow ends in {@code escalate}. */
  @Inject FlowHandoff handoff;

  @Override
  public Map<String, String> getProperties() {
    return TicketsTestApp.properties();
  }

  private AgentTicket agentView(String number) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/agent/tickets/" + number)
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)),
            AgentTicket.class);
  }

  private TicketReceipt raise(StartedConversation c) {
    return client
        .toBlocking()
        .retrieve(submit(c, form("Jo Bloggs", "jo@example.com", true)), TicketReceipt.class);
  }

  private StartedConversation start() {
    return TicketsTestApp.start(client, Map.of());
  }

  private static FlowEscalation phishing(String conversationId, String priority) {
    return new FlowEscalation(
        conversationId,
        "report-phishing",
        "Report a phishing email",
        "clicked",
        "security",
        priority,
        "The user clicked the link",
        new FlowEscalation.Context(
            Map.of("clicked", "yes"),
            List.of(new FlowEscalation.ActionOutcome("s", "notify", "failed", "timeout")),
            List.of("Checked the sender")));
  }

  @Test
  void a_flow_escalation_handed_over_by_the_flow_is_read_for_the_ticket() {
    var c = start();
    send(client, c, "I think I got a phishing email");
    var replies = handoff.handOff(phishing(c.id(), "P1"));
    assertEquals(ReplyType.HANDOFF, replies.get(0).type());

    var ticket = agentView(raise(c).number());

    assertEquals("flow", ticket.trigger());
    assertEquals("security", ticket.category());
    assertEquals(Priority.P1, ticket.priority());
    assertEquals("report-phishing", ticket.context().flow().id());
    assertEquals(List.of("Checked the sender"), ticket.context().flow().tried());
    assertEquals("failed: timeout", ticket.context().flow().actionOutcomes().get(0).outcome());
  }

  /** One conversion: an action names its step, and a flow's "1" or "p1" is P1. */
  @Test
  void the_flow_priority_is_read_leniently_and_each_action_names_its_step() {
    var c = start();
    send(client, c, "my printer jams");
    handoff.handOff(phishing(c.id(), "1"));

    var ticket = agentView(raise(c).number());

    assertEquals(
        Priority.P1,
        ticket.priority(),
        "nothing the user wrote says P1: the flow's own priority does");
    assertEquals("s: notify", ticket.context().flow().actionOutcomes().get(0).action());
    assertEquals("clicked", ticket.context().flow().stepReached());
  }
}
