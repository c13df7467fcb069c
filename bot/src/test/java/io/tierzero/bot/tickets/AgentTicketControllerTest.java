package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The agents' API: refused without valid credentials, and what an agent can do with them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentTicketControllerTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return TicketsTestApp.properties();
  }

  private String raise(String problem) {
    var c = TicketsTestApp.start(client, Map.of());
    send(client, c, problem);
    send(client, c, "talk to a person");
    return client
        .toBlocking()
        .retrieve(submit(c, form("Sam", "sam@example.com", true)), TicketReceipt.class)
        .number();
  }

  private <T> MutableHttpRequest<T> asAgent(MutableHttpRequest<T> request) {
    return request.header("Authorization", basic(AGENT, AGENT_PASSWORD));
  }

  private HttpStatus statusOf(HttpRequest<?> request) {
    try {
      return client.toBlocking().exchange(request, String.class).getStatus();
    } catch (HttpClientResponseException e) {
      return e.getStatus();
    }
  }

  @Test
  void every_agents_endpoint_refuses_unauthenticated_requests() {
    var number = raise("my screen is blank");
    List<MutableHttpRequest<?>> requests =
        List.of(
            HttpRequest.GET("/api/agent/tickets"),
            HttpRequest.GET("/api/agent/tickets?status=new"),
            HttpRequest.GET("/api/agent/tickets/" + number),
            HttpRequest.GET("/api/agent/tickets/T-999999"),
            HttpRequest.PUT("/api/agent/tickets/" + number + "/status", Map.of("status", "closed")),
            HttpRequest.GET("/api/agent/anything-else"));
    for (var request : requests) {
      assertEquals(
          HttpStatus.UNAUTHORIZED, statusOf(request), request.getMethod() + " " + request.getUri());
    }
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(HttpRequest.GET("/api/agent/tickets")));
    assertTrue(
        e.getResponse()
            .getHeaders()
            .get("WWW-Authenticate", String.class)
            .orElse("")
            .startsWith("Basic"));
  }

  @Test
  void a_wrong_password_or_unknown_agent_is_refused() {
    assertEquals(
        HttpStatus.UNAUTHORIZED,
        statusOf(
            HttpRequest.GET("/api/agent/tickets").header("Authorization", basic(AGENT, "wrong"))));
    assertEquals(
        HttpStatus.UNAUTHORIZED,
        statusOf(
            HttpRequest.GET("/api/agent/tickets")
                .header("Authorization", basic("mallory", AGENT_PASSWORD))));
  }

  @Test
  void an_agent_lists_filters_views_and_changes_the_status_of_tickets() {
    var p1 = raise("someone hacked my account");
    var p4 = raise("my mouse is slow");

    List<AgentTicket> all =
        client
            .toBlocking()
            .retrieve(
                asAgent(HttpRequest.GET("/api/agent/tickets")), Argument.listOf(AgentTicket.class));
    assertTrue(all.stream().anyMatch(t -> t.number().equals(p1)));
    assertTrue(all.stream().anyMatch(t -> t.number().equals(p4)));

    List<AgentTicket> urgent =
        client
            .toBlocking()
            .retrieve(
                asAgent(
                    HttpRequest.GET(
                        "/api/agent/tickets?priority=P1&status=new&queue=service-desk")),
                Argument.listOf(AgentTicket.class));
    assertTrue(urgent.stream().anyMatch(t -> t.number().equals(p1)));
    assertTrue(
        urgent.stream()
            .allMatch(t -> t.priority() == Priority.P1 && t.status() == TicketStatus.NEW));

    var one =
        client
            .toBlocking()
            .retrieve(asAgent(HttpRequest.GET("/api/agent/tickets/" + p1)), AgentTicket.class);
    assertEquals("someone hacked my account", one.context().transcript().get(0).text());
    assertEquals(Priority.P1, one.priority());

    var changed =
        client
            .toBlocking()
            .retrieve(
                asAgent(
                    HttpRequest.PUT(
                        "/api/agent/tickets/" + p1 + "/status", Map.of("status", "resolved"))),
                AgentTicket.class);
    assertEquals(TicketStatus.RESOLVED, changed.status());
    assertNotNull(changed.resolvedAt());
    List<AgentTicket> resolved =
        client
            .toBlocking()
            .retrieve(
                asAgent(HttpRequest.GET("/api/agent/tickets?status=resolved")),
                Argument.listOf(AgentTicket.class));
    assertEquals(List.of(p1), resolved.stream().map(AgentTicket::number).toList());
  }

  @Test
  void an_unknown_ticket_is_a_404_and_an_unknown_status_a_400() {
    assertEquals(
        HttpStatus.NOT_FOUND, statusOf(asAgent(HttpRequest.GET("/api/agent/tickets/T-999999"))));
    assertEquals(
        HttpStatus.BAD_REQUEST,
        statusOf(asAgent(HttpRequest.GET("/api/agent/tickets?status=lost"))));
    var number = raise("keyboard sticky");
    assertEquals(
        HttpStatus.BAD_REQUEST,
        statusOf(
            asAgent(
                HttpRequest.PUT(
                    "/api/agent/tickets/" + number + "/status", Map.of("status", "lost")))));
  }
}
