package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Tickets an anonymous visitor cannot raise over HTTP: without a handoff, or too many of them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketAbuseTest implements TestPropertyProvider {
  static final int PER_ADDRESS = 5;
  static final int PER_REQUESTER = 2;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = TicketsTestApp.properties();
    properties.put("tierzero.tickets.limits.per-address-per-hour", String.valueOf(PER_ADDRESS));
    properties.put("tierzero.tickets.limits.per-requester-per-hour", String.valueOf(PER_REQUESTER));
    return properties;
  }

  private StartedConversation offeredAPerson() {
    var c = TicketsTestApp.start(client, Map.of());
    send(client, c, "My second monitor flickers sometimes");
    send(client, c, "talk to a person");
    return c;
  }

  private HttpClientResponseException refused(StartedConversation c, String email) {
    return assertThrows(
        HttpClientResponseException.class,
        () ->
            client.toBlocking().exchange(submit(c, form("Jo Bloggs", email, true)), String.class));
  }

  private List<AgentTicket> tickets() {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/agent/tickets")
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)),
            Argument.listOf(AgentTicket.class));
  }

  @Test
  void no_ticket_without_a_handoff_and_at_most_the_limits_per_requester_and_address() {
    // A conversation nobody offered a person: the form's endpoint refuses it.
    var c = TicketsTestApp.start(client, Map.of());
    send(client, c, "I lost my laptop on the train");
    var noHandoff = refused(c, "ceo@example.com");
    assertEquals(HttpStatus.CONFLICT, noHandoff.getStatus());
    assertTrue(
        noHandoff.getResponse().getBody(String.class).orElse("").contains("not offered a ticket"));
    assertEquals(List.of(), tickets());

    // In one person's name: the limit per requester, whichever address.
    for (int i = 0; i < PER_REQUESTER; i++) {
      assertEquals(
          HttpStatus.CREATED,
          client
              .toBlocking()
              .exchange(
                  submit(offeredAPerson(), form("Jo Bloggs", "Jo@Example.com", true)),
                  TicketReceipt.class)
              .getStatus());
    }
    var sameName = refused(offeredAPerson(), "jo@example.com");
    assertEquals(HttpStatus.TOO_MANY_REQUESTS, sameName.getStatus());
    assertTrue(sameName.getResponse().getBody(String.class).orElse("").contains("\"message\""));

    // From one address: the refused one above did not count.
    for (int i = PER_REQUESTER; i < PER_ADDRESS; i++) {
      assertEquals(
          HttpStatus.CREATED,
          client
              .toBlocking()
              .exchange(
                  submit(offeredAPerson(), form("Someone", "user" + i + "@example.com", true)),
                  TicketReceipt.class)
              .getStatus());
    }
    assertEquals(
        HttpStatus.TOO_MANY_REQUESTS, refused(offeredAPerson(), "fresh@example.com").getStatus());

    var raised = tickets();
    assertEquals(PER_ADDRESS, raised.size());
    for (var ticket : raised) {
      assertFalse(
          ticket.requester().emailVerified(), "nobody proved " + ticket.requester().email());
      assertTrue(ticket.description().contains("not verified"), ticket.description());
    }
  }
}
