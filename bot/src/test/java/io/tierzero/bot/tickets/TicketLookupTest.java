package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "Any news on my ticket?" in a chat that raised none: the bot offers to find the user's tickets by
 * email, checks a code sent by SMTP to a mail server this test runs (the demo directory's users),
 * and only then lists the tickets raised under that address from any conversation.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketLookupTest implements TestPropertyProvider {
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
  private static final Pattern TICKET_NUMBER = Pattern.compile("T-\\d{6}");
  private static final Path FLOWS = Path.of("../articles/flows").toAbsolutePath().normalize();

  private final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  @Inject
  @Client("/")
  HttpClient client;

  /** The bundle's texts, which the replies are compared to. */
  @Inject TicketTexts texts;

  @Inject io.tierzero.bot.mail.MailOutbox outbox;

  /** Code mail goes out after the reply (MailOutbox): wait for it before reading the mailbox. */
  private void mailSent() throws InterruptedException {
    assertTrue(outbox.awaitIdle(java.time.Duration.ofSeconds(30)), "mail still queued");
  }

  @Override
  public Map<String, String> getProperties() {
    smtp.start();
    var properties = new java.util.HashMap<>(TicketsTestApp.properties());
    // The flows this repository ships, so the test runs what agents wrote.
    properties.put("tierzero.flows.dir", FLOWS.toString());
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.enabled", "false");
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put("tierzero.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    // Several tests verify the same demo user; the hourly cap has its own tests.
    properties.put("tierzero.flows.codes-per-hour", "50");
    properties.put("tierzero.flows.code-guesses-per-minute", "1000");
    return properties;
  }

  @AfterAll
  void stopSmtp() {
    smtp.stop();
  }

  private StartedConversation start() {
    return TicketsTestApp.start(client, Map.of());
  }

  /** A ticket raised in a conversation of its own, under {@code email}. */
  private TicketReceipt raise(String name, String email) {
    var c = start();
    assertEquals(ReplyType.HANDOFF, send(client, c, "talk to a person").get(0).type());
    return client
        .toBlocking()
        .exchange(submit(c, form(name, email, true)), TicketReceipt.class)
        .body();
  }

  private List<BotMessage> all(List<List<BotMessage>> turns) {
    var out = new ArrayList<BotMessage>();
    turns.forEach(out::addAll);
    return out;
  }

  /** The newest verification code mailed to {@code address}, with the mail's text. */
  private String[] codeMailTo(String address) throws Exception {
    mailSent();
    String body = null;
    for (var message : smtp.getReceivedMessages()) {
      var text = GreenMailUtil.getBody(message);
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
          && text.contains("verification code")) {
        body = text;
      }
    }
    assertNotNull(body, "no code mailed to " + address);
    var m = CODE.matcher(body);
    assertTrue(m.find(), body);
    return new String[] {m.group(1), body};
  }

  private int codeMailsTo(String address) throws Exception {
    mailSent();
    int count = 0;
    for (var message : smtp.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
          && GreenMailUtil.getBody(message).contains("verification code")) {
        count++;
      }
    }
    return count;
  }

  /** Asks about tickets in a new chat and takes the offer to find them by email. */
  private List<List<BotMessage>> offerTaken(StartedConversation c) {
    var offer = send(client, c, "any news on my ticket?");
    assertEquals(ReplyType.TICKET_STATUS, offer.get(0).type(), offer.toString());
    assertEquals(texts.get("tickets.chat-status.none-known"), offer.get(0).text());
    assertEquals(
        List.of(ConversationTicketStatuses.findByEmail(texts), Options.TALK_TO_PERSON),
        offer.get(0).options());
    var started = send(client, c, ConversationTicketStatuses.findByEmail(texts));
    var question = started.get(started.size() - 1);
    assertEquals(ReplyType.FLOW_STEP, question.type(), started.toString());
    assertEquals("my-tickets", question.flow());
    assertEquals("text", question.input().type());
    return List.of(offer, started);
  }

  @Test
  void tickets_raised_in_other_chats_are_listed_after_the_emailed_code() throws Exception {
    var first = raise("Alice Adams", "alice@example.com");
    var second = raise("Alice Adams", "Alice@Example.com");
    var bobs = raise("Bob Brown", "bob@example.com");
    var c = start();
    offerTaken(c);

    var codeQuestion = send(client, c, "alice");
    assertEquals(
        "code", codeQuestion.get(codeQuestion.size() - 1).input().type(), codeQuestion.toString());
    var mail = codeMailTo("alice@example.com");
    assertTrue(
        mail[1].contains(
            "can see the IT support tickets (number, status, subject) raised under the email"
                + " address of the account alice"),
        mail[1]);
    var listed = send(client, c, mail[0]);

    var reply = listed.get(listed.size() - 1);
    assertEquals(ReplyType.TICKET_STATUS, reply.type(), listed.toString());
    assertTrue(reply.text().contains(first.number() + ": new, last updated "), reply.text());
    assertTrue(reply.text().contains(second.number() + ": new, last updated "), reply.text());
    assertTrue(
        reply.text().indexOf(second.number()) < reply.text().indexOf(first.number()),
        "most recently updated first: " + reply.text());
    assertFalse(reply.text().contains(bobs.number()), reply.text());
    assertFalse(reply.text().contains("That's fixed"), reply.text());
  }

  @Test
  void a_wrong_code_lists_nothing() throws Exception {
    raise("Alice Adams", "alice@example.com");
    var c = start();
    var turns = new ArrayList<>(offerTaken(c));
    turns.add(send(client, c, "alice@example.com"));
    var right = codeMailTo("alice@example.com")[0];
    var wrong = right.equals("123456") ? "654321" : "123456";

    var refused = send(client, c, wrong);
    assertTrue(refused.get(0).text().startsWith("That code isn't right."), refused.toString());
    turns.add(refused);
    // Out of attempts: a person is offered, still without a ticket shown.
    turns.add(send(client, c, wrong));
    turns.add(send(client, c, wrong));

    for (var r : all(turns)) {
      assertFalse(
          TICKET_NUMBER.matcher(r.text()).find(), "a ticket shown before the code: " + r.text());
    }
    assertEquals(
        ReplyType.HANDOFF,
        turns.get(turns.size() - 1).get(turns.get(turns.size() - 1).size() - 1).type(),
        turns.toString());
    // The right code, once the attempts are used up, no longer shows anything either.
    for (var r : send(client, c, right))
      assertFalse(TICKET_NUMBER.matcher(r.text()).find(), r.text());
  }

  @Test
  void an_unknown_email_gets_the_same_replies_as_a_known_one_up_to_the_code() throws Exception {
    raise("Carol Clark", "carol@example.com");
    int mailsBefore = codeMailsTo("nobody@example.com");
    var known = start();
    var unknown = start();
    var knownTurns = new ArrayList<>(offerTaken(known));
    var unknownTurns = new ArrayList<>(offerTaken(unknown));
    knownTurns.add(send(client, known, "carol@example.com"));
    unknownTurns.add(send(client, unknown, "nobody@example.com"));
    var carolsCode = codeMailTo("carol@example.com")[0];
    var guess = carolsCode.equals("123456") ? "654321" : "123456";
    knownTurns.add(send(client, known, guess));
    unknownTurns.add(send(client, unknown, guess));

    assertEquals(said(knownTurns), said(unknownTurns));
    assertEquals(mailsBefore, codeMailsTo("nobody@example.com"));
    // A code typed for the unknown address is refused like a wrong one, and shows no ticket.
    var refused = send(client, unknown, carolsCode);
    assertTrue(refused.get(0).text().startsWith("That code isn't right."), refused.toString());
    for (var r : all(unknownTurns)) assertFalse(TICKET_NUMBER.matcher(r.text()).find(), r.text());
  }

  /** What the user sees: each reply's type, text, options, input and flow. */
  private List<String> said(List<List<BotMessage>> turns) {
    return all(turns).stream()
        .map(
            r ->
                r.type()
                    + "|"
                    + r.text()
                    + "|"
                    + r.options()
                    + "|"
                    + (r.input() == null ? null : r.input().type())
                    + "|"
                    + r.flow()
                    + "|"
                    + r.action())
        .toList();
  }
}
