package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** "What's happening with my ticket?" and "start a new chat", in chat over HTTP. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketStatusInChatTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  /** The bundle's texts, which the replies are compared to. */
  @Inject TicketTexts texts;

  @Override
  public Map<String, String> getProperties() {
    return TicketsTestApp.properties();
  }

  private StartedConversation start() {
    return TicketsTestApp.start(client, Map.of());
  }

  @Test
  void without_a_ticket_in_this_chat_the_bot_says_how_to_find_one() {
    var reply = send(client, start(), "any news on my ticket?").get(0);

    assertEquals(ReplyType.TICKET_STATUS, reply.type(), reply.toString());
    assertEquals(texts.get("tickets.chat-status.none-known.no-lookup"), reply.text());
    assertEquals(List.of(Options.TALK_TO_PERSON), reply.options());
  }

  @Test
  void after_a_ticket_the_status_question_lists_it_and_anything_else_says_where_it_is() {
    var c = start();
    assertEquals(ReplyType.HANDOFF, send(client, c, "talk to a person").get(0).type());
    var receipt =
        client
            .toBlocking()
            .exchange(submit(c, form("Jo Bloggs", "jo@example.com", true)), TicketReceipt.class)
            .body();

    var status = send(client, c, "whats the status of my ticket").get(0);
    assertEquals(ReplyType.TICKET_STATUS, status.type(), status.toString());
    assertTrue(status.text().contains(receipt.number()), status.text());
    assertTrue(status.text().contains("new, last updated"), status.text());

    var other = send(client, c, "my vpn is slow").get(0);
    assertEquals(ReplyType.TEXT, other.type());
    assertTrue(other.text().startsWith("Your ticket " + receipt.number()), other.text());
    assertNull(other.action());
  }

  @Test
  void a_new_conversation_is_asked_of_the_widget_before_and_after_a_ticket() {
    var before = send(client, start(), "start a new chat").get(0);
    assertEquals(ReplyType.TEXT, before.type());
    assertEquals(Reply.NEW_CONVERSATION, before.action());

    var c = start();
    send(client, c, "talk to a person");
    client
        .toBlocking()
        .exchange(submit(c, form("Jo Bloggs", "jo@example.com", true)), TicketReceipt.class);
    var after = send(client, c, "new conversation please").get(0);
    assertEquals(Reply.NEW_CONVERSATION, after.action(), after.toString());
  }
}
