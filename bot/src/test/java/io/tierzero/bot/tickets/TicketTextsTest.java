package io.tierzero.bot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What people read of a ticket, from the bundle: the words as before, the ticket's values in. */
class TicketTextsTest {
  private final TicketTexts texts =
      new TicketTexts(new ResourceBundleMessageSource("i18n.tickets"));

  private static Ticket ticket(TicketStatus status, String assignee) {
    var at = Instant.parse("2026-12-01T10:00:00Z");
    return new Ticket(
        "id-1",
        "T-000042",
        "conversation-1",
        "Alice",
        "alice@example.com",
        "VPN drops",
        "description",
        "network",
        "Network",
        "P3",
        "default",
        "user_request",
        status.json(),
        null,
        null,
        null,
        "{}",
        at,
        at,
        null,
        false,
        assignee);
  }

  @Test
  void the_confirmation_names_the_number_the_queue_and_the_email() {
    assertEquals(
        "I've raised ticket T-000042 with the IT Service Desk (queue: Network). This conversation"
            + " is attached, so you won't have to repeat anything. Someone will contact you at"
            + " alice@example.com. You can check the ticket's status here at any time.",
        texts.confirmation(ticket(TicketStatus.NEW, null)));
  }

  @Test
  void an_open_ticket_names_who_took_it_or_someone() {
    assertEquals(
        "dana at the IT Service Desk is working on your ticket.",
        texts.status(ticket(TicketStatus.OPEN, "dana")));
    assertEquals(
        "Someone at the IT Service Desk is working on your ticket.",
        texts.status(ticket(TicketStatus.OPEN, null)));
  }

  @Test
  void the_receipt_carries_the_status_in_words_and_where_to_check_it() {
    var receipt = texts.receipt(ticket(TicketStatus.CLOSED, null));
    assertEquals("Your ticket is closed. For a new problem, start a new chat.", receipt.message());
    assertEquals("/api/tickets/T-000042", receipt.statusUrl());
  }

  @Test
  void the_description_says_what_was_asked_why_and_what_was_tried() {
    var description =
        texts.description(
            new AgentTicket.Requester("Alice", "alice@example.com", false),
            "VPN drops",
            "flow",
            new PriorityRules.Decision(Priority.P3, "the flow's priority"),
            new TicketContext.Flow(
                "vpn-cannot-connect",
                "ask_error",
                "No way on",
                java.util.Map.of(),
                List.of(),
                List.of()),
            List.of(
                new TicketContext.ArticleShown("vpn", "VPN basics", "/a/vpn", 0.8, "unhelpful")),
            "It's the office Wi-Fi");
    assertEquals(
        "Alice asked the support bot: \"VPN drops\"\n"
            + "Requester's name and email are as typed in the ticket form, not verified.\n"
            + "Escalated because the guided fix ended in an escalation.\n"
            + "Priority P3: the flow's priority\n"
            + "Guided fix vpn-cannot-connect reached step \"ask_error\": No way on\n"
            + "Articles shown: VPN basics (unhelpful)\n"
            + "The user added: It's the office Wi-Fi\n"
            + "The full conversation is attached.",
        description);
  }

  @Test
  void a_ticket_without_a_question_to_quote_is_named_by_its_flow_or_the_chat() {
    assertEquals("Help requested in the chat", texts.subjectWithoutQuestion(null));
  }
}
