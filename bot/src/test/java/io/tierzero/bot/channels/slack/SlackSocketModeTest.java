package io.tierzero.bot.channels.slack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Slack in Socket Mode, for a bot without a public URL: no signing secret, an app-level token. The
 * bot asks the Web API stand-in for a socket address, opens a real WebSocket to the Socket Mode
 * stand-in, which sends events and clicks as Slack's envelopes; replies go back through {@code
 * chat.postMessage}.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class SlackSocketModeTest extends SlackChannelBase {
  static final String APP_TOKEN = "xapp-1-A1-test-app-token";

  @Inject EmbeddedServer server;
  @Inject SocketModeStandIn socket;
  private final AtomicInteger envelopes = new AtomicInteger();

  @Override
  Path flows() {
    return flows(new String[0]);
  }

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(super.getProperties());
    properties.remove("tierzero.channels.slack.signing-secret");
    properties.put("tierzero.channels.slack.app-token", APP_TOKEN);
    properties.put(SocketModeStandIn.ENABLED, "true");
    // The address exists once the test's server listens; until then Slack "is unavailable" and
    // the bot tries again, as it would in production.
    slack.socketMode(
        APP_TOKEN,
        () ->
            server == null || !server.isRunning()
                ? null
                : "ws://127.0.0.1:" + server.getPort() + SocketModeStandIn.PATH);
    return properties;
  }

  @Test
  void a_direct_message_is_acknowledged_and_answered_with_a_card() throws Exception {
    var post = push("events_api", dm("U-sm-answer", ANSWERED));
    assertTrue(post.mentions("\"channel\":\"D-U-sm-answer\""), post.body());
    assertTrue(
        post.mentions("<https://help.example.com/kb/account-locked-out|Account locked out>"),
        post.body());
    assertTrue(post.mentions("\"action_id\":\"vote_up\""), post.body());
    assertEquals(
        1,
        count(
            "select count(*) from conversation v join channel_conversation c on c.conversation_id ="
                + " v.id where c.user_id = 'U-sm-answer' and v.channel = 'slack'"));
  }

  @Test
  void a_click_arrives_as_an_interactive_envelope_and_answers_in_the_thread() throws Exception {
    var clarify =
        push(
            "events_api",
            eventCallback(
                nextEvent(),
                "{\"type\":\"app_mention\",\"channel\":\"C-general\",\"user\":\"U-sm-clarify\",\"text\":\"<@UBOT>"
                    + " "
                    + AMBIGUOUS
                    + "\",\"ts\":\"1700000009.000100\"}"));
    assertTrue(clarify.mentions("\"action_id\":\"reply-1\""), clarify.body());

    var value = value(clarify, "reply-1");
    var click =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U-sm-clarify\"},\"team\":{\"id\":\"T1\"},"
            + "\"actions\":[{\"type\":\"button\",\"action_id\":\"reply-1\",\"value\":"
            + jsonString(value)
            + ",\"action_ts\":\"1.0\"}]}";
    var answer = push("interactive", click);
    assertTrue(answer.mentions("\"thread_ts\":\"1700000009.000100\""), answer.body());
    assertEquals(
        1,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.user_id = 'U-sm-clarify' and m.sender = 'user' and"
                + " m.body = 'Account locked out'"));
  }

  @Test
  void an_envelope_sent_again_is_acknowledged_again_and_answered_once() throws Exception {
    var event =
        eventCallback(
            "Ev-sm-retry",
            "{\"type\":\"message\",\"channel\":\"D-sm-retry\",\"channel_type\":\"im\",\"user\":\"U-sm-retry\",\"text\":\""
                + ANSWERED
                + "\",\"ts\":\"1.2\"}");
    push("events_api", event);
    var before = slack.posted().size();
    var again = "env-again-" + envelopes.incrementAndGet();
    socket.send(
        "{\"envelope_id\":\""
            + again
            + "\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
            + "\"retry_attempt\":1,\"retry_reason\":\"timeout\",\"payload\":"
            + event
            + "}");
    socket.awaitReceived("{\"envelope_id\":\"" + again + "\"}");
    Thread.sleep(1500);
    assertEquals(
        before,
        slack.posted().size(),
        "the envelope sent again was answered again: " + slack.posted());
    assertEquals(
        2,
        count(
            "select count(*) from chat_message m join channel_conversation c on c.conversation_id ="
                + " m.conversation_id where c.user_id = 'U-sm-retry'"));
  }

  @Test
  void after_slack_says_disconnect_the_bot_opens_a_new_connection_and_goes_on() throws Exception {
    var old = socket.newest();
    var opened = slack.connectionsOpened();
    old.sendSync(
        "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"applink-1\"}}");
    await("a new Socket Mode connection")
        .atMost(Duration.ofSeconds(30))
        .until(() -> slack.connectionsOpened() > opened && socket.newest() != old);

    var post = push("events_api", dm("U-sm-after", ANSWERED));
    assertTrue(post.mentions("\"channel\":\"D-U-sm-after\""), post.body());
  }

  @Test
  void without_a_signing_secret_the_http_endpoints_are_off() {
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        signed("/channels/slack/events", dm("U-sm-http", ANSWERED), now()),
                        String.class));
    assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
  }

  /**
   * Sends {@code payload} as an envelope; waits for its acknowledgement and the turn's last post.
   */
  private SlackStandIn.Posted push(String type, String payload) throws Exception {
    var before = slack.posted().size();
    var id = "env-" + envelopes.incrementAndGet();
    socket.send(
        "{\"envelope_id\":\""
            + id
            + "\",\"type\":\""
            + type
            + "\",\"accepts_response_payload\":false,"
            + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":"
            + payload
            + "}");
    socket.awaitReceived("{\"envelope_id\":\"" + id + "\"}");
    var posts = slack.awaitPosts(before + 1);
    int seen;
    do {
      seen = posts.size();
      Thread.sleep(300);
      posts = slack.posted();
    } while (posts.size() != seen);
    return posts.get(posts.size() - 1);
  }
}
