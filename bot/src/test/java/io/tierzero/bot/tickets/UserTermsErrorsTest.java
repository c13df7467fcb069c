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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad values in a JSON body are named in the caller's terms: the field and what it may be, no Java.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserTermsErrorsTest implements TestPropertyProvider {
  private static final Pattern JAVA =
      Pattern.compile(
          "io\\.tierzero|java\\.|No enum constant|Exception|\\$|Failed to convert|Serdeable");

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return TicketsTestApp.properties();
  }

  private String badRequest(HttpRequest<?> request) {
    try {
      client.toBlocking().exchange(request, String.class);
    } catch (HttpClientResponseException e) {
      assertEquals(
          400,
          e.getStatus().getCode(),
          request.getUri() + ": " + e.getResponse().getBody(String.class).orElse(""));
      var body = e.getResponse().getBody(String.class).orElse("");
      assertFalse(JAVA.matcher(body).find(), "Java internals in " + body);
      return body;
    }
    throw new AssertionError("accepted: " + request.getUri());
  }

  @Test
  void a_sideways_vote_names_the_field_and_its_values() {
    var c = TicketsTestApp.start(client, Map.of());
    var body =
        badRequest(
            HttpRequest.POST(
                    "/api/conversations/" + c.id() + "/feedback",
                    Map.of("articleId", "x", "vote", "SIDEWAYS"))
                .header(TOKEN, c.token()));
    assertTrue(body.contains("vote"), body);
    assertTrue(body.contains("up") && body.contains("down"), body);
    var reason =
        badRequest(
            HttpRequest.POST(
                    "/api/conversations/" + c.id() + "/feedback",
                    Map.of("articleId", "x", "vote", "down", "reason", "boring"))
                .header(TOKEN, c.token()));
    assertTrue(reason.contains("reason") && reason.contains("outdated"), reason);
  }

  @Test
  void an_unknown_ticket_status_names_the_field_and_its_values() {
    var c = TicketsTestApp.start(client, Map.of());
    send(client, c, "my screen is blank");
    send(client, c, "talk to a person");
    var number =
        client
            .toBlocking()
            .retrieve(submit(c, form("Sam", "sam@example.com", true)), TicketReceipt.class)
            .number();
    var body =
        badRequest(
            HttpRequest.PUT(
                    "/api/agent/tickets/" + number + "/status", Map.of("status", "exploded"))
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)));
    assertTrue(body.contains("status"), body);
    assertTrue(body.contains("resolved") && body.contains("closed"), body);
  }

  @Test
  void malformed_fields_are_named_without_java() {
    var c = TicketsTestApp.start(client, Map.of());
    var wrongType =
        badRequest(
            HttpRequest.POST(
                    "/api/conversations/" + c.id() + "/feedback",
                    "{\"articleId\":\"x\",\"vote\":{\"a\":1}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TOKEN, c.token()));
    assertTrue(
        wrongType.contains("expected text, found an object") && wrongType.contains("column"),
        wrongType);
    badRequest(
        HttpRequest.POST("/api/conversations/" + c.id() + "/messages", "{\"text\": [1,2]}")
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .header(TOKEN, c.token()));
    var broken =
        badRequest(
            HttpRequest.POST("/api/conversations/" + c.id() + "/messages", "{\"text\": ")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TOKEN, c.token()));
    assertTrue(broken.contains("not valid JSON"), broken);
    var query =
        badRequest(
            HttpRequest.GET("/api/agent/tickets?status=exploded")
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)));
    assertTrue(query.contains("status") && query.contains("pending"), query);
    badRequest(
        HttpRequest.PUT("/api/agent/tickets/T-000001/status", "{\"status\": 7}")
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .header("Authorization", basic(AGENT, AGENT_PASSWORD)));
  }
}
