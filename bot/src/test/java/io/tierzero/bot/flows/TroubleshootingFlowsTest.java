package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowChat.assertQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.tickets.FlowEscalations;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each troubleshooting flow, over HTTP, down one path to "resolved" and one to "escalate". */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TroubleshootingFlowsTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject FlowEscalations escalations;

  @Override
  public Map<String, String> getProperties() {
    return FlowChat.properties();
  }

  private void assertResolved(BotMessage end) {
    assertEquals(ReplyType.FLOW_STEP, end.type(), end.text());
    assertNull(end.input(), end.text());
  }

  private void assertEscalated(FlowChat chat, BotMessage end, String flowId) {
    assertEquals(ReplyType.HANDOFF, end.type(), end.text());
    var stored = escalations.latest(chat.conversation.id());
    assertTrue(stored.isPresent());
    assertEquals(flowId, stored.get().context().flowId());
    assertTrue(stored.get().toString().contains("->"), "what was tried: " + stored.get());
    // The flow is over: the next message is a new question, not an answer.
    assertEquals(ReplyType.TEXT, chat.last("thanks").type());
  }

  @Test
  void vpn_flow_resolves_after_signing_in_again() {
    var chat = new FlowChat(client);
    assertQuestion(chat.last("my vpn won't connect"), "yes_no");
    assertQuestion(chat.last("yes"), "choice");
    assertResolved(chat.answer("Sign-in or password error", "yes"));
  }

  @Test
  void vpn_flow_escalates_when_restart_and_update_do_not_help() {
    var chat = new FlowChat(client);
    chat.last("vpn cannot connect");
    var end = chat.answer("yes", "It times out or can't reach the server", "no", "no");
    assertEscalated(chat, end, "vpn-cannot-connect");
  }

  @Test
  void printer_flow_resolves_when_clearing_the_queue_works() {
    var chat = new FlowChat(client);
    assertQuestion(chat.last("the printer won't print"), "yes_no");
    assertResolved(chat.answer("no", "yes"));
  }

  @Test
  void printer_flow_escalates_with_the_printer_name() {
    var chat = new FlowChat(client);
    chat.last("printer not printing");
    var end = chat.answer("yes", "no", "no", "no", "PRN-3F-EAST");
    assertEscalated(chat, end, "printer-not-printing");
    assertTrue(
        escalations
            .latest(chat.conversation.id())
            .orElseThrow()
            .context()
            .reason()
            .contains("PRN-3F-EAST"));
  }

  @Test
  void wifi_flow_resolves_after_forgetting_the_network() {
    var chat = new FlowChat(client);
    assertQuestion(chat.last("wifi keeps dropping"), "choice");
    // The network's name as the articles give it, typed instead of choosing an option.
    assertResolved(chat.answer("Example-Staff", "yes", "yes"));
  }

  @Test
  void wifi_flow_escalates_an_outage_when_nobody_nearby_can_connect() {
    var chat = new FlowChat(client);
    chat.last("can't connect to wifi");
    var end = chat.answer("1", "no");
    assertEscalated(chat, end, "wifi-connection");
    assertEquals(
        "P2", escalations.latest(chat.conversation.id()).orElseThrow().context().priority().name());
  }

  @Test
  void email_flow_resolves_after_restarting_outlook() {
    var chat = new FlowChat(client);
    assertQuestion(chat.last("my email not syncing"), "choice");
    assertResolved(chat.answer("Outlook on my computer", "yes"));
  }

  @Test
  void email_flow_escalates_when_mail_does_not_arrive_even_on_the_web() {
    var chat = new FlowChat(client);
    chat.last("not receiving emails");
    var end = chat.answer("Everywhere, even in the web browser", "no");
    assertEscalated(chat, end, "email-not-syncing");
  }

  @Test
  void an_invalid_answer_is_asked_again_and_exhausting_the_attempts_escalates() {
    var chat = new FlowChat(client);
    chat.last("printer not printing");
    var retry = chat.send("purple");
    assertQuestion(retry.get(retry.size() - 1), "yes_no");
    chat.last("maybe");
    var end = chat.last("banana");
    assertEscalated(chat, end, "printer-not-printing");
  }

  @Test
  void back_start_over_and_cancel_work_at_any_step() {
    var chat = new FlowChat(client);
    chat.last("vpn not connecting");
    assertQuestion(chat.last("yes"), "choice");
    var back = chat.last("back");
    assertQuestion(back, "yes_no");
    assertTrue(back.text().contains("example.com"), back.text());
    chat.last("yes");
    var again = chat.last("start over");
    assertQuestion(again, "yes_no");
    var cancelled = chat.last("cancel");
    assertEquals(ReplyType.TEXT, cancelled.type());
    assertTrue(escalations.latest(chat.conversation.id()).isEmpty());
  }

  @Test
  void the_article_button_message_starts_the_flow() {
    var chat = new FlowChat(client);
    assertQuestion(chat.last(FlowTriggerHandler.startMessage("email-not-syncing")), "choice");
  }
}
