package io.tierzero.bot.channels.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import io.tierzero.bot.channels.Renderings;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Email end to end, through real protocols: mails by SMTP into the bot's mailbox, read by the bot
 * over IMAP, replies by SMTP in the same thread. No flows here: their triggers would take the
 * scripted questions before the knowledge base sees them.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class EmailChannelTest extends EmailChannelBase {
  @Override
  Path flows() {
    return flows(new String[0]);
  }

  @Test
  void a_question_gets_an_answer_card_in_the_same_thread() throws Exception {
    var user = "bob@example.com";
    var sent = send(user, "Locked out", ANSWERED);
    var reply = awaitReplies(user, 1).get(0);

    assertEquals(BOT, ((InternetAddress) reply.getFrom()[0]).getAddress());
    assertEquals("Re: Locked out", reply.getSubject());
    assertEquals(sent, reply.getHeader("In-Reply-To", null));
    assertTrue(
        reply.getHeader("References", " ").contains(sent), reply.getHeader("References", " "));
    assertEquals("auto-replied", reply.getHeader("Auto-Submitted", null));
    var text = part(reply, "text/plain");
    assertTrue(text.contains("Account locked out"), text);
    assertTrue(text.contains("https://help.example.com/kb/account-locked-out"), text);
    assertTrue(text.contains("your account is locked"), text);
    var html = part(reply, "text/html");
    assertTrue(html.contains("<a href=\"https://help.example.com/kb/account-locked-out\""), html);
    Renderings.keep("email-answer.html", html);
    assertEquals(
        1,
        count(
            "select count(*) from conversation v join channel_conversation c on c.conversation_id ="
                + " v.id where c.email = '"
                + user
                + "' and v.channel = 'email'"));
  }

  @Test
  void a_clarify_lists_numbered_choices_and_a_reply_by_number_answers_in_the_same_conversation()
      throws Exception {
    var user = "carol@example.com";
    var first = send(user, "Help", AMBIGUOUS);
    var clarify = awaitReplies(user, 1).get(0);
    var text = part(clarify, "text/plain");
    assertTrue(text.contains("1. Reset a forgotten password"), text);
    assertTrue(text.contains("2. Account locked out"), text);

    // The user's client answers the bot's mail: its Message-ID in In-Reply-To, the thread in
    // References.
    var second =
        send(
            user,
            "Re: Help",
            "2\n\nOn Wed, 2 Dec 2026 at 10:00, IT support <"
                + BOT
                + "> wrote:\n> "
                + text.replace("\n", "\n> "),
            Map.of(
                "In-Reply-To",
                clarify.getMessageID(),
                "References",
                first + " " + clarify.getMessageID()));
    var answer = awaitReplies(user, 2).get(1);
    assertTrue(
        part(answer, "text/plain").contains("https://help.example.com/kb/account-locked-out"),
        part(answer, "text/plain"));
    assertEquals(second, answer.getHeader("In-Reply-To", null));
    assertTrue(
        answer.getHeader("References", " ").startsWith(first + " " + clarify.getMessageID()),
        answer.getHeader("References", " "));
    assertEquals(
        1, count("select count(*) from channel_conversation where email = '" + user + "'"));
    assertEquals(
        1,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.email = '"
                + user
                + "' and m.sender = 'user' and m.body = 'Account locked out'"));
  }

  @Test
  void quoted_history_and_signature_are_not_part_of_the_question() throws Exception {
    var user = "dave@example.com";
    send(
        user,
        "Question",
        ANSWERED
            + "\n\n-- \nDave Example\nFinance, room 4.12\n\n"
            + "-----Original Message-----\nFrom: IT support <"
            + BOT
            + ">\nSent: Tuesday\n\nI can't sign in");
    awaitReplies(user, 1);
    assertEquals(
        1,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.email = '"
                + user
                + "' and m.sender = 'user' and m.body = '"
                + ANSWERED
                + "'"));
    assertEquals(
        0,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.email = '"
                + user
                + "' and (m.body like '%Dave%' or m.body like '%sign in%')"));
  }

  @Test
  void a_clarify_answered_by_words_of_a_choice_answers_that_choice() throws Exception {
    var user = "ivan@example.com";
    var first = send(user, "Sign-in", AMBIGUOUS);
    var clarify = awaitReplies(user, 1).get(0);
    send(
        user,
        "Re: Sign-in",
        "locked out",
        Map.of(
            "In-Reply-To",
            clarify.getMessageID(),
            "References",
            first + " " + clarify.getMessageID()));
    var answer = part(awaitReplies(user, 2).get(1), "text/plain");
    assertTrue(answer.contains("https://help.example.com/kb/account-locked-out"), answer);
  }

  @Test
  void a_reply_in_a_thread_whose_conversation_token_no_longer_matches_starts_a_new_conversation()
      throws Exception {
    var user = "judy@example.com";
    var first = send(user, "Locked", ANSWERED);
    var answer = awaitReplies(user, 1).get(0);
    // What changing the mailbox password does to the conversations already open.
    try (var connection = connect()) {
      connection
          .createStatement()
          .executeUpdate(
              "update conversation set token_hash = 'changed' where id ="
                  + " (select conversation_id from channel_conversation where email = '"
                  + user
                  + "')");
    }
    send(
        user,
        "Re: Locked",
        ANSWERED,
        Map.of(
            "In-Reply-To",
            answer.getMessageID(),
            "References",
            first + " " + answer.getMessageID()));
    var again = awaitReplies(user, 2).get(1);
    assertTrue(
        part(again, "text/plain").contains("https://help.example.com/kb/account-locked-out"),
        part(again, "text/plain"));
    assertEquals(
        2, count("select count(*) from channel_conversation where email = '" + user + "'"));
  }

  // ---- a ticket ----

  @Test
  void
      a_quick_reply_by_number_reaches_a_person_and_replying_ticket_raises_a_ticket_with_the_conversation()
          throws Exception {
    var user = "erin@example.com";
    var first = send(user, "Locked", ANSWERED);
    var answer = awaitReplies(user, 1).get(0);
    var choices = part(answer, "text/plain");
    assertTrue(choices.contains("2. Talk to a person"), choices);
    send(
        user,
        "Re: Locked",
        "2",
        Map.of(
            "In-Reply-To",
            answer.getMessageID(),
            "References",
            first + " " + answer.getMessageID()));
    var handoff = awaitReplies(user, 2).get(1);
    var text = part(handoff, "text/plain");
    assertTrue(text.contains("Reply TICKET to raise a ticket"), text);
    assertTrue(text.contains(user), text);

    send(
        user,
        "Re: Locked",
        "TICKET",
        Map.of(
            "In-Reply-To",
            handoff.getMessageID(),
            "References",
            first + " " + handoff.getMessageID()));
    var receipt = awaitReplies(user, 3).get(2);
    assertTrue(
        part(receipt, "text/plain").matches("(?s).*T-\\d{6}.*"), part(receipt, "text/plain"));
    assertEquals(
        1,
        count(
            "select count(*) from ticket t join channel_conversation c on c.conversation_id ="
                + " t.conversation_id where c.email = '"
                + user
                + "' and t.requester_email = '"
                + user
                + "'"));
    assertEquals(
        1, count("select count(*) from channel_conversation where email = '" + user + "'"));
  }

  @Test
  void after_a_handoff_a_question_about_a_ticket_is_answered_and_a_reworded_request_raises_one()
      throws Exception {
    var user = "kim@example.com";
    var first = send(user, "Locked", ANSWERED);
    var answer = awaitReplies(user, 1).get(0);
    send(
        user,
        "Re: Locked",
        "2",
        Map.of(
            "In-Reply-To",
            answer.getMessageID(),
            "References",
            first + " " + answer.getMessageID()));
    var handoff = awaitReplies(user, 2).get(1);
    assertTrue(
        part(handoff, "text/plain").contains("Reply TICKET to raise a ticket"),
        part(handoff, "text/plain"));
    var ticketsOfUser =
        "select count(*) from ticket t join channel_conversation c on c.conversation_id ="
            + " t.conversation_id where c.email = '"
            + user
            + "'";

    send(
        user,
        "Re: Locked",
        "my ticket's status",
        Map.of(
            "In-Reply-To",
            handoff.getMessageID(),
            "References",
            first + " " + handoff.getMessageID()));
    var status = awaitReplies(user, 3).get(2);
    assertFalse(part(status, "text/plain").matches("(?s).*T-\\d{6}.*"), part(status, "text/plain"));
    assertEquals(0, count(ticketsOfUser));

    send(
        user,
        "Re: Locked",
        "Yes, please raise a ticket!",
        Map.of(
            "In-Reply-To",
            status.getMessageID(),
            "References",
            first + " " + status.getMessageID()));
    var receipt = awaitReplies(user, 4).get(3);
    assertTrue(
        part(receipt, "text/plain").matches("(?s).*T-\\d{6}.*"), part(receipt, "text/plain"));
    assertEquals(1, count(ticketsOfUser));
  }

  @Test
  void auto_replies_and_bounces_are_not_answered() throws Exception {
    var user = "frank@example.com";
    send(user, "Automatic reply: Locked out", ANSWERED, Map.of("Auto-Submitted", "auto-replied"));
    send(user, "Locked out", ANSWERED, Map.of("X-Autoreply", "yes"));
    send(user, "Locked out", ANSWERED, Map.of("Precedence", "bulk"));
    send(user, "Out of Office: back on Monday", ANSWERED, Map.of());
    sendBounce("MAILER-DAEMON@example.com", user);
    // The next ordinary mail is answered: everything before it has been read.
    send(user, "Marker", ANSWERED);
    var received = awaitReplies(user, 1);
    Thread.sleep(1000);
    assertEquals(1, replies(user).size(), "an automatic mail was answered");
    assertEquals("Re: Marker", received.get(0).getSubject());
    assertEquals(0, replies("MAILER-DAEMON@example.com").size());
    assertEquals(
        1, count("select count(*) from channel_conversation where email = '" + user + "'"));
  }

  @Test
  void mail_from_outside_the_allowed_domains_is_not_answered_and_nothing_is_stored()
      throws Exception {
    send("mallory@elsewhere.test", "Locked out", ANSWERED);
    send("grace@example.com", "Marker", ANSWERED);
    awaitReplies("grace@example.com", 1);
    Thread.sleep(500);
    assertEquals(0, replies("mallory@elsewhere.test").size());
    for (var value : storedValues()) assertFalse(value.contains("mallory"), "stored: " + value);
  }

  @Test
  void the_same_mail_delivered_twice_is_answered_once() throws Exception {
    var user = "heidi@example.com";
    var id = "<" + UUID.randomUUID() + "@client.example.com>";
    send(user, "Locked out", ANSWERED, Map.of(), id);
    awaitReplies(user, 1);
    send(user, "Locked out", ANSWERED, Map.of(), id);
    send(user, "Marker", "thanks");
    awaitReplies(user, 2);
    Thread.sleep(1000);
    var replies = replies(user);
    assertEquals(2, replies.size(), "the second delivery was answered again");
    assertEquals("Re: Marker", replies.get(1).getSubject());
    assertEquals(
        1,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.email = '"
                + user
                + "' and m.body = '"
                + ANSWERED
                + "'"));
  }
}
