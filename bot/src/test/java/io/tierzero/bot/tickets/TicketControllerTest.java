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

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.ReplyForm;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.redaction.Redactor;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Escalation over HTTP: every trigger, every priority rule, the ticket's content, the user's status
 * check.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketControllerTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject Escalations escalations;

  @Override
  public Map<String, String> getProperties() {
    return TicketsTestApp.properties();
  }

  private StartedConversation start() {
    return TicketsTestApp.start(client, Map.of("pageUrl", "https://intranet.example.com/it/help"));
  }

  private TicketReceipt raise(StartedConversation c) {
    var response =
        client
            .toBlocking()
            .exchange(
                submit(c, form("Jo Bloggs", "Jo.Bloggs@example.com", true)), TicketReceipt.class);
    assertEquals(HttpStatus.CREATED, response.getStatus());
    return response.body();
  }

  private AgentTicket agentView(String number) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/agent/tickets/" + number)
                .header("Authorization", basic(AGENT, AGENT_PASSWORD)),
            AgentTicket.class);
  }

  private static BotMessage handoff(List<BotMessage> replies) {
    return replies.stream()
        .filter(r -> r.type() == ReplyType.HANDOFF)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no handoff in " + replies));
  }

  @Test
  void asking_for_a_person_offers_a_ticket_form_with_name_email_and_consent() {
    var c = start();

    var reply = handoff(send(client, c, "can I talk to a person please"));

    ReplyForm form = reply.form();
    assertNotNull(form, "the handoff carries the ticket form");
    assertEquals("ticket", form.id());
    assertEquals("/api/conversations/" + c.id() + "/ticket", form.action());
    assertEquals(
        List.of("name", "email", "details", "consent"),
        form.fields().stream().map(ReplyForm.Field::name).toList());
    assertEquals(ReplyForm.Field.EMAIL, form.fields().get(1).type());
    assertEquals(ReplyForm.Field.CHECKBOX, form.fields().get(3).type());
    assertTrue(form.fields().get(3).required());
  }

  @Test
  void a_ticket_from_a_request_for_a_person_carries_the_transcript_page_and_browser() {
    var c = start();
    send(client, c, TicketsTestSearch.ANSWERED);
    send(client, c, "talk to a person");

    var receipt = raise(c);

    assertTrue(receipt.number().matches("T-\\d{6}"), receipt.number());
    assertEquals(TicketStatus.NEW, receipt.status());
    assertEquals(TicketsTestSearch.ANSWERED, receipt.subject());
    var ticket = agentView(receipt.number());
    assertEquals("user_request", ticket.trigger());
    assertEquals("Jo Bloggs", ticket.requester().name());
    assertEquals("jo.bloggs@example.com", ticket.requester().email());
    assertEquals("accounts", ticket.category(), "category of the article shown");
    assertEquals("tier1-identity", ticket.queue(), "queue mapped from the category");
    assertEquals("https://intranet.example.com/it/help", ticket.pageUrl());
    assertEquals("TestBrowser/1.0 (X11; Linux)", ticket.browser());
    assertEquals(0.9, ticket.confidence());
    var transcript = ticket.context().transcript();
    assertEquals(
        List.of("user", "bot", "user", "bot"),
        transcript.stream().map(TicketContext.Line::from).toList());
    assertEquals("answer", transcript.get(1).type());
    assertEquals("account-locked-out", ticket.context().articles().get(0).id());
    assertTrue(ticket.description().contains("asked for a person"), ticket.description());
  }

  @Test
  void two_no_answers_and_accepting_the_offer_raise_a_no_answers_ticket() {
    var c = start();
    send(client, c, "zebra quantum lasagne orchestra");
    var second = send(client, c, "purple elephant xylophone marathon");
    assertEquals(
        List.of(ReplyType.NO_ANSWER, ReplyType.HANDOFF),
        second.stream().map(BotMessage::type).toList());
    assertNotNull(second.get(1).form());

    var ticket = agentView(raise(c).number());

    assertEquals("no_answers", ticket.trigger());
    assertEquals("zebra quantum lasagne orchestra", ticket.subject());
    assertEquals("general", ticket.category());
    assertEquals("service-desk", ticket.queue());
    assertNull(ticket.confidence(), "no article was offered");
  }

  @Test
  void a_flow_ending_in_escalate_raises_a_flow_ticket_with_its_step_answers_and_outcomes() {
    var c = start();
    send(client, c, "I need to reset my password");
    // What a flow's handler does when it reaches "escalate": hand its context over, show the reply.
    var reply =
        escalations.offer(
            c.id(),
            EscalationContext.ofFlow(
                    "password-reset",
                    "verify-code",
                    "accounts",
                    null,
                    "The code was wrong three times",
                    Map.of("username", "jbloggs"),
                    List.of(new EscalationContext.ActionOutcome("send-code", "succeeded")))
                .withRequester("Jo Bloggs", "jo@example.com"));
    assertEquals(ReplyType.HANDOFF, reply.type());
    assertEquals(
        "jo@example.com",
        reply.form().fields().get(1).value(),
        "prefilled from what the flow knows");
    assertEquals("Jo Bloggs", reply.form().fields().get(0).value());

    var ticket = agentView(raise(c).number());

    assertEquals("flow", ticket.trigger());
    assertEquals("accounts", ticket.category());
    var flow = ticket.context().flow();
    assertEquals("password-reset", flow.id());
    assertEquals("verify-code", flow.stepReached());
    assertEquals(Map.of("username", "jbloggs"), flow.answers());
    assertEquals("succeeded", flow.actionOutcomes().get(0).outcome());
  }

  @Test
  void
      a_negative_rating_then_still_not_fixed_offers_a_person_and_raises_a_negative_rating_ticket() {
    var c = start();
    var answer = send(client, c, TicketsTestSearch.ANSWERED).get(0);
    assertEquals(ReplyType.ANSWER, answer.type());
    // Without a rating it is small talk ("sorry, rephrase or ask for a person"), not a handoff.
    assertEquals(
        List.of(ReplyType.TEXT),
        send(client, c, "it is still not fixed").stream().map(BotMessage::type).toList());

    escalations.recordRating(c.id(), "account-locked-out", false);
    var reply = send(client, c, "still not fixed");

    assertEquals(List.of(ReplyType.HANDOFF), reply.stream().map(BotMessage::type).toList());
    var ticket = agentView(raise(c).number());
    assertEquals("negative_rating", ticket.trigger());
    assertEquals("unhelpful", ticket.context().articles().get(0).rating());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "I clicked a link in a phishing email and typed my password | P1 | Security or data risk",
        "I lost my laptop on the train                              | P1 | Security or data risk",
        "The whole team can't open the shared drive                  | P2 | Many people affected",
        "Email is down, is there an outage?                          | P2 | Many people affected",
        "I'm locked out and can't work                               | P3 | Blocked from working",
        "My second monitor flickers sometimes                        | P4 | No sign of"
      })
  void priority_follows_the_tiered_support_rules(String problem, Priority expected, String reason) {
    var c = start();
    send(client, c, problem);
    send(client, c, Options.TALK_TO_PERSON);

    var ticket = agentView(raise(c).number());

    assertEquals(expected, ticket.priority(), problem);
    assertTrue(ticket.priorityReason().startsWith(reason), ticket.priorityReason());
  }

  @Test
  void after_the_ticket_the_bot_only_says_the_ticket_number_and_what_happens_next() {
    var c = start();
    send(client, c, "talk to a person");
    var receipt = raise(c);

    for (var text : List.of("hello?", "talk to a person", TicketsTestSearch.ANSWERED)) {
      var replies = send(client, c, text);
      assertEquals(1, replies.size(), text);
      assertEquals(ReplyType.TEXT, replies.get(0).type(), text);
      assertTrue(replies.get(0).text().contains(receipt.number()), replies.get(0).text());
      assertNull(replies.get(0).form(), "no second offer: " + text);
    }
  }

  @Test
  void submitting_the_form_twice_returns_the_same_ticket() {
    var c = start();
    send(client, c, "talk to a person");
    var first = raise(c);

    var again =
        client
            .toBlocking()
            .exchange(submit(c, form("Jo", "jo@example.com", true)), TicketReceipt.class);

    assertEquals(HttpStatus.OK, again.getStatus());
    assertEquals(first.number(), again.body().number());
  }

  @Test
  void the_user_checks_the_status_by_number_with_their_conversation_token_only() {
    var c = start();
    send(client, c, "talk to a person");
    var receipt = raise(c);
    var other = start();

    var status =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET(receipt.statusUrl()).header(TOKEN, c.token()), TicketReceipt.class);
    assertEquals(receipt.number(), status.number());
    assertEquals(TicketStatus.NEW, status.status());

    var wrongToken =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(HttpRequest.GET(receipt.statusUrl()).header(TOKEN, other.token())));
    assertEquals(HttpStatus.NOT_FOUND, wrongToken.getStatus());
    var noToken =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(HttpRequest.GET(receipt.statusUrl())));
    assertEquals(HttpStatus.UNAUTHORIZED, noToken.getStatus());
  }

  @Test
  void consent_a_name_and_a_valid_email_are_required() {
    var c = start();
    send(client, c, "talk to a person");

    for (var bad :
        List.of(
            form("Jo", "jo@example.com", false),
            form("", "jo@example.com", true),
            form("Jo", "not-an-email", true),
            form("Jo", "jo@localhost", true))) {
      var e =
          assertThrows(
              HttpClientResponseException.class,
              () -> client.toBlocking().exchange(submit(c, bad)));
      assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), bad.toString());
    }
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(submit(c, form("Jo", "jo@example.com", false)), String.class));
    assertTrue(e.getResponse().getBody(String.class).orElse("").contains("consent"));
  }

  @Test
  void secrets_the_user_typed_are_redacted_in_the_ticket() {
    var c = start();
    send(client, c, "my password is Hunter2! and it still fails");
    send(client, c, "talk to a person");

    var ticket = agentView(raise(c).number());

    var text = ticket.context().transcript().get(0).text();
    assertFalse(text.contains("Hunter2"), text);
    assertTrue(text.contains(Redactor.PASSWORD), text);
    assertFalse(ticket.subject().contains("Hunter2"), ticket.subject());
  }

  @Test
  void a_wrong_token_cannot_raise_a_ticket() {
    var c = start();
    var other = start();
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        HttpRequest.POST(
                                "/api/conversations/" + c.id() + "/ticket",
                                form("Jo", "jo@example.com", true))
                            .header(TOKEN, other.token())));
    assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
  }
}
