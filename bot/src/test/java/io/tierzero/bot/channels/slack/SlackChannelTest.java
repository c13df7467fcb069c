package io.tierzero.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Slack end to end: signed events and clicks over HTTP, as Slack sends them, and a stand-in of
 * Slack's Web API receiving the bot's {@code chat.postMessage} calls. No flows here: their triggers
 * would take the scripted questions before the knowledge base sees them.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class SlackChannelTest extends SlackChannelBase {
  @Override
  Path flows() {
    return flows(new String[0]);
  }

  // ---- refusals and the handshake ----

  @Test
  void an_unsigned_event_is_refused_with_401() {
    var request =
        HttpRequest.POST("/channels/slack/events", dm("U9", "hello"))
            .contentType(MediaType.APPLICATION_JSON_TYPE);
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(request, String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }

  @Test
  void a_wrongly_signed_event_is_refused_with_401() {
    var body = dm("U9", "hello");
    var request =
        HttpRequest.POST("/channels/slack/events", body)
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .header("X-Slack-Request-Timestamp", now())
            .header("X-Slack-Signature", sign("another-secret", now(), body));
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(request, String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }

  @Test
  void a_correctly_signed_event_older_than_five_minutes_is_refused_with_401() {
    var old = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
    var body = dm("U9", "hello");
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(signed("/channels/slack/events", body, old), String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }

  @Test
  void url_verification_is_answered_with_the_challenge() {
    var body =
        "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    var response =
        client.toBlocking().exchange(signed("/channels/slack/events", body, now()), String.class);
    assertEquals(HttpStatus.OK, response.getStatus());
    assertTrue(
        response.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"),
        response.body());
  }

  @Test
  void a_retried_event_is_answered_once() throws Exception {
    var before = slack.posted().size();
    var body =
        eventCallback(
            "Ev-retry-1",
            "{\"type\":\"message\",\"channel\":\"D-retry\",\"channel_type\":\"im\",\"user\":\"U-retry\",\"text\":\""
                + ANSWERED
                + "\",\"ts\":\"1.1\"}");
    assertEquals(
        HttpStatus.OK,
        client
            .toBlocking()
            .exchange(signed("/channels/slack/events", body, now()), String.class)
            .getStatus());
    slack.awaitPosts(before + 1);
    var retry =
        signed("/channels/slack/events", body, now())
            .header("X-Slack-Retry-Num", "1")
            .header("X-Slack-Retry-Reason", "http_timeout");
    assertEquals(HttpStatus.OK, client.toBlocking().exchange(retry, String.class).getStatus());
    Thread.sleep(1500);
    assertEquals(
        before + 1, slack.posted().size(), "the retry was answered again: " + slack.posted());
    assertEquals(
        2,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.user_id = 'U-retry'"));
  }

  // ---- conversations ----

  @Test
  void a_direct_message_gets_an_answer_card_with_link_snippet_and_thumbs() throws Exception {
    var post = say(dm("U-answer", ANSWERED));
    assertTrue(post.mentions("\"channel\":\"D-U-answer\""), post.body());
    assertTrue(
        post.mentions("<https://help.example.com/kb/account-locked-out|Account locked out>"),
        post.body());
    assertTrue(post.mentions("your account is locked"), post.body());
    assertTrue(
        post.mentions("\"action_id\":\"vote_up\"") && post.mentions("\"action_id\":\"vote_down\""),
        post.body());
    assertEquals(
        1,
        count(
            "select count(*) from conversation v join channel_conversation c on c.conversation_id ="
                + " v.id where c.user_id = 'U-answer' and v.channel = 'slack'"));

    var value = value(post, "vote_up");
    var before = slack.posted().size();
    click("U-answer", "vote_up", value);
    slack.awaitPosts(before + 1);
    assertEquals(
        1,
        count(
            "select count(*) from feedback f join channel_conversation c on c.conversation_id ="
                + " f.conversation_id where c.user_id = 'U-answer' and f.vote = 'up'"));
  }

  @Test
  void a_mention_in_a_channel_gets_a_clarify_with_buttons_and_a_click_answers_in_the_thread()
      throws Exception {
    var body =
        eventCallback(
            nextEvent(),
            "{\"type\":\"app_mention\",\"channel\":\"C-general\",\"user\":\"U-clarify\",\"text\":\"<@UBOT>"
                + " "
                + AMBIGUOUS
                + "\",\"ts\":\"1700000001.000100\"}");
    var clarify = send(body);
    assertTrue(clarify.mentions("\"thread_ts\":\"1700000001.000100\""), clarify.body());
    assertTrue(clarify.mentions("\"action_id\":\"reply-0\""), clarify.body());
    assertTrue(clarify.mentions("|Reset a forgotten password\""), clarify.body());

    var value = value(clarify, "reply-1");
    assertTrue(value.endsWith("|Account locked out"), value);
    // Someone else in the channel cannot press another user's buttons.
    var before = slack.posted().size();
    click("U-someone-else", "reply-1", value);
    Thread.sleep(1000);
    assertEquals(before, slack.posted().size());

    click("U-clarify", "reply-1", value);
    var answer = slack.awaitPosts(before + 1).get(before);
    assertTrue(answer.mentions("\"thread_ts\":\"1700000001.000100\""), answer.body());
    // The click is the widget's quick reply: the option's text, as the user's next message.
    assertEquals(
        1,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.user_id = 'U-clarify' and m.sender = 'user' and"
                + " m.body = 'Account locked out'"));
  }

  @Test
  void starting_a_new_conversation_keeps_the_old_one_and_goes_on_in_a_new_one() throws Exception {
    say(dm("U-fresh", ANSWERED));
    var offer = say(dm("U-fresh", "start a new chat"));
    var before = slack.posted().size();
    click("U-fresh", "reply-0", value(offer, "reply-0"));
    assertTrue(slack.awaitPosts(before + 1).get(before).mentions("New conversation started"));
    say(dm("U-fresh", ANSWERED));
    assertEquals(2, count("select count(*) from channel_conversation where user_id = 'U-fresh'"));
    // The question asked before and after: once in each conversation, the first one intact.
    assertEquals(
        2,
        count(
            "select count(distinct m.conversation_id) from chat_message m join channel_conversation"
                + " c on c.conversation_id = m.conversation_id where c.user_id = 'U-fresh' and"
                + " m.sender = 'user' and m.body = '"
                + ANSWERED
                + "'"));
  }

  @Test
  void a_handoff_raises_a_ticket_with_the_slack_identity() throws Exception {
    say(dm("U-handoff", "my screen flickers"));
    var handoff = say(dm("U-handoff", "talk to a person"));
    assertTrue(handoff.mentions("\"action_id\":\"ticket\""), handoff.body());
    var before = slack.posted().size();
    click("U-handoff", "ticket", value(handoff, "ticket"));
    var receipt = slack.awaitPosts(before + 1).get(before);
    assertTrue(receipt.body().matches("(?s).*T-\\d{6}.*"), receipt.body());
    assertEquals(
        1,
        count(
            "select count(*) from ticket t join channel_conversation c on c.conversation_id ="
                + " t.conversation_id where c.user_id = 'U-handoff' and t.requester_email ="
                + " 'alice@example.com'"));
  }
}
