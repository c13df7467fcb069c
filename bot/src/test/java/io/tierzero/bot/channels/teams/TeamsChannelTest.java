package io.tierzero.bot.channels.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import io.tierzero.bot.channels.Renderings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Teams end to end: activities over HTTP with connector tokens signed by the stand-in's key, as the
 * Bot Connector sends them, and the stand-in's connector API receiving the bot's replies. No flows
 * here: their triggers would take the scripted questions before the knowledge base sees them.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class TeamsChannelTest extends TeamsChannelBase {
  @Override
  Path flows() {
    return flows(new String[0]);
  }

  // ---- refusals ----

  @Test
  void an_activity_without_a_token_is_refused_with_401() throws Exception {
    assertRefused("refused-no-token", null);
  }

  @Test
  void a_token_signed_with_another_key_under_the_connectors_key_id_is_refused_with_401()
      throws Exception {
    var forged = BotFrameworkStandIn.newKey(teams.signingKey.getKeyID());
    assertRefused("refused-forged", token(forged, APP_ID, teams.serviceUrl(), inAnHour()));
  }

  @Test
  void a_token_for_another_bot_is_refused_with_401() throws Exception {
    assertRefused(
        "refused-other-bot",
        token(teams.signingKey, "another-bots-app-id", teams.serviceUrl(), inAnHour()));
  }

  @Test
  void an_expired_token_is_refused_with_401() throws Exception {
    var expired = Instant.now().minus(BotFrameworkTokenVerifier.SKEW).minus(Duration.ofMinutes(1));
    assertRefused("refused-expired", token(teams.signingKey, APP_ID, teams.serviceUrl(), expired));
  }

  @Test
  void a_token_for_another_service_url_is_refused_with_401() throws Exception {
    // A valid token cannot send the bot's replies (and its connector token) somewhere else.
    var elsewhere = "https://smba.trafficmanager.net/emea/";
    assertRefused("refused-elsewhere", token(teams.signingKey, APP_ID, elsewhere, inAnHour()));
  }

  @Test
  void an_activity_from_a_channel_the_key_is_not_endorsed_for_is_refused_with_401()
      throws Exception {
    var request =
        activity(
            personal("refused-webchat", ANSWERED)
                .replace("\"channelId\":\"msteams\"", "\"channelId\":\"webchat\""),
            teams.token());
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(request, String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }

  @Test
  void a_token_expired_less_than_five_minutes_ago_is_still_taken() throws Exception {
    var justExpired = Instant.now().minus(Duration.ofMinutes(3));
    var before = teams.posted().size();
    var response =
        client
            .toBlocking()
            .exchange(
                activity(
                    personal("skew", ANSWERED),
                    token(teams.signingKey, APP_ID, teams.serviceUrl(), justExpired)),
                String.class);
    assertEquals(HttpStatus.OK, response.getStatus());
    teams.awaitPosts(before + 1);
  }

  @Test
  void a_redelivered_activity_is_answered_once() throws Exception {
    var before = teams.posted().size();
    var body = personal("retry", ANSWERED);
    assertEquals(
        HttpStatus.OK,
        client.toBlocking().exchange(activity(body, teams.token()), String.class).getStatus());
    teams.awaitPosts(before + 1);
    assertEquals(
        HttpStatus.OK,
        client.toBlocking().exchange(activity(body, teams.token()), String.class).getStatus());
    Thread.sleep(1500);
    assertEquals(
        before + 1, teams.posted().size(), "the redelivery was answered again: " + teams.posted());
    assertEquals(
        2,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.user_id = 'aad-retry'"));
  }

  // ---- conversations ----

  @Test
  void a_personal_message_gets_an_answer_card_with_title_snippet_link_and_thumbs()
      throws Exception {
    var post = send(personal("answer", ANSWERED));
    assertEquals("a:personal-answer", post.conversation());
    assertTrue(post.replyTo() != null, "not a reply to the user's message: " + post);
    var card = post.card();
    assertEquals("AdaptiveCard", card.get("type"), post.body());
    Renderings.keep("teams-answer.json", JSONObjectUtils.toJSONString(card));
    assertTrue(post.mentions("\"text\":\"Account locked out\""), post.body());
    assertTrue(post.mentions("your account is locked"), post.body());
    var open = findAction(card, "Open article");
    assertEquals("Action.OpenUrl", open.get("type"));
    assertEquals("https://help.example.com/kb/account-locked-out", open.get("url"));
    assertTrue(
        findAction(card, "👍 Helpful") != null && findAction(card, "👎 Not helpful") != null,
        post.body());
    // Teams said who this is: the member lookup, once, for the email.
    assertTrue(
        teams.lookups().contains("a:personal-answer 29:teams-answer"), teams.lookups().toString());
    assertEquals(
        1,
        count(
            "select count(*) from conversation v join channel_conversation c on c.conversation_id ="
                + " v.id where c.user_id = 'aad-answer' and v.channel = 'teams' and c.email ="
                + " 'alice@example.com'"));
    // The bot's own connector token is asked for once and kept.
    assertEquals(1, teams.tokensIssued());

    var before = teams.posted().size();
    press(post, "👍 Helpful", "a:personal-answer", "personal", "answer");
    teams.awaitPosts(before + 1);
    assertEquals(
        1,
        count(
            "select count(*) from feedback f join channel_conversation c on c.conversation_id ="
                + " f.conversation_id where c.user_id = 'aad-answer' and f.vote = 'up'"));
  }

  @Test
  void a_mention_in_a_channel_gets_a_clarify_with_buttons_and_a_press_answers_in_the_thread()
      throws Exception {
    var thread = "19:general@thread.tacv2;messageid=1733133600001";
    var clarify =
        send(message(thread, "channel", "clarify", "<at>IT help</at> " + AMBIGUOUS, null));
    assertEquals(thread, clarify.conversation());
    assertTrue(findAction(clarify.card(), "Reset a forgotten password") != null, clarify.body());
    assertTrue(findAction(clarify.card(), "Account locked out") != null, clarify.body());
    // The mention is not part of the question.
    assertEquals(0, count("select count(*) from chat_message where body like '%<at>%'"));

    // Someone else in the channel cannot press another user's buttons.
    var before = teams.posted().size();
    press(clarify, "Account locked out", thread, "channel", "someone-else");
    Thread.sleep(1000);
    assertEquals(before, teams.posted().size());

    press(clarify, "Account locked out", thread, "channel", "clarify");
    var answer = teams.awaitPosts(before + 1).get(before);
    assertEquals(thread, answer.conversation());
    assertTrue(findAction(answer.card(), "Open article") != null, answer.body());
    // The press is the widget's quick reply: the option's text, as the user's next message.
    assertEquals(
        1,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.user_id = 'aad-clarify' and m.sender = 'user' and"
                + " m.body = 'Account locked out'"));
  }

  @Test
  void a_handoff_raises_a_ticket_with_the_teams_identity() throws Exception {
    send(personal("handoff", "my screen flickers"));
    var handoff = send(personal("handoff", "talk to a person"));
    assertTrue(handoff.mentions("alice@example.com"), handoff.body());
    var before = teams.posted().size();
    press(handoff, "Raise a ticket", "a:personal-handoff", "personal", "handoff");
    var receipt = teams.awaitPosts(before + 1).get(before);
    assertTrue(receipt.body().matches("(?s).*T-\\d{6}.*"), receipt.body());
    assertEquals(
        1,
        count(
            "select count(*) from ticket t join channel_conversation c on c.conversation_id ="
                + " t.conversation_id where c.user_id = 'aad-handoff' and t.requester_email ="
                + " 'alice@example.com' and t.requester_name = 'Alice Example'"));
  }

  @Test
  void starting_a_new_conversation_keeps_the_old_one_and_goes_on_in_a_new_one() throws Exception {
    send(personal("fresh", ANSWERED));
    var offer = send(personal("fresh", "start a new chat"));
    var before = teams.posted().size();
    press(offer, "Start a new conversation", "a:personal-fresh", "personal", "fresh");
    assertTrue(teams.awaitPosts(before + 1).get(before).mentions("New conversation started"));
    send(personal("fresh", ANSWERED));
    assertEquals(2, count("select count(*) from channel_conversation where user_id = 'aad-fresh'"));
    // The question asked before and after: once in each conversation, the first one intact.
    assertEquals(
        2,
        count(
            "select count(distinct m.conversation_id) from chat_message m join channel_conversation"
                + " c on c.conversation_id = m.conversation_id where c.user_id = 'aad-fresh' and"
                + " m.sender = 'user' and m.body = '"
                + ANSWERED
                + "'"));
  }

  @Test
  void the_bot_added_to_a_chat_says_hello_once_and_others_joining_get_nothing() throws Exception {
    var added =
        "{\"type\":\"conversationUpdate\",\"id\":\"f:update-1\",\"serviceUrl\":\""
            + teams.serviceUrl()
            + "\",\"channelId\":\"msteams\","
            + "\"from\":{\"id\":\"29:teams-welcome\",\"aadObjectId\":\"aad-welcome\"},\"conversation\":{\"id\":\"a:personal-welcome\",\"conversationType\":\"personal\"},"
            + "\"recipient\":{\"id\":\""
            + BOT
            + "\"},\"membersAdded\":[{\"id\":\""
            + BOT
            + "\"}]}";
    var welcome = send(added);
    assertEquals("a:personal-welcome", welcome.conversation());
    assertTrue(welcome.mentions("IT help bot"), welcome.body());
    var before = teams.posted().size();
    assertEquals(
        HttpStatus.OK,
        client.toBlocking().exchange(activity(added, teams.token()), String.class).getStatus());
    var someoneJoined =
        added
            .replace("f:update-1", "f:update-2")
            .replace(
                "\"membersAdded\":[{\"id\":\"" + BOT + "\"}]",
                "\"membersAdded\":[{\"id\":\"29:teams-new\"}]");
    assertEquals(
        HttpStatus.OK,
        client
            .toBlocking()
            .exchange(activity(someoneJoined, teams.token()), String.class)
            .getStatus());
    Thread.sleep(1000);
    assertEquals(before, teams.posted().size(), teams.posted().toString());
  }

  @Test
  void other_activities_are_answered_200_and_left() throws Exception {
    var typing =
        "{\"type\":\"typing\",\"id\":\"t-1\",\"serviceUrl\":\""
            + teams.serviceUrl()
            + "\",\"channelId\":\"msteams\","
            + "\"from\":{\"id\":\"29:teams-typing\"},\"conversation\":{\"id\":\"a:personal-typing\"},\"recipient\":{\"id\":\""
            + BOT
            + "\"}}";
    var before = teams.posted().size();
    assertEquals(
        HttpStatus.OK,
        client.toBlocking().exchange(activity(typing, teams.token()), String.class).getStatus());
    Thread.sleep(500);
    assertEquals(before, teams.posted().size());
  }

  @Test
  void a_bearer_value_that_is_not_a_jwt_is_refused_with_401() throws Exception {
    assertRefused("refused-garbage", "not.a.jwt!");
  }

  @Test
  void a_body_that_is_not_an_activity_is_refused_with_400() {
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(activity("[1, 2", teams.token()), String.class));
    assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
  }

  /**
   * {@code user}'s question with {@code token} (none when null) is refused, and nothing follows it.
   */
  private void assertRefused(String user, String token) throws Exception {
    var request = activity(personal(user, ANSWERED), token);
    var before = teams.posted().size();
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(request, String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    Thread.sleep(300);
    assertEquals(before, teams.posted().size());
    assertEquals(
        0, count("select count(*) from channel_conversation where user_id = 'aad-" + user + "'"));
  }

  private static Instant inAnHour() {
    return Instant.now().plus(Duration.ofHours(1));
  }

  private static String token(RSAKey key, String audience, String serviceUrl, Instant expires) {
    return BotFrameworkStandIn.token(key, audience, serviceUrl, expires);
  }
}
