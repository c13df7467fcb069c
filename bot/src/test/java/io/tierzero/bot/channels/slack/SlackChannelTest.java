package io.tierzero.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.sdk.LDAPConnection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import io.tierzero.bot.DatabaseText;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.identity.EmbeddedDirectory;
import io.tierzero.bot.mail.MailOutbox;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slack end to end: signed events and clicks over HTTP, as Slack sends them, and a stand-in of
 * Slack's Web API receiving the bot's {@code chat.postMessage} calls. The secret step goes through
 * the one-time page, posted like a browser posts a form; codes go by SMTP to GreenMail, and the
 * new password is checked with an LDAP bind on the demo directory.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackChannelTest implements TestPropertyProvider {
  static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String BOT_TOKEN = "xoxb-test-bot-token";
  /** The questions the scripted search answers (chat tests' ScriptedSearch). */
  static final String ANSWERED = "my account is locked";
  static final String AMBIGUOUS = "I can't sign in";

  private static final Pattern SECRET_LINK = Pattern.compile("\"url\":\"(http[^\"]*(/secret/[A-Za-z0-9_-]{43}))\"");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern FORM_ACTION = Pattern.compile("action=\"(/secret/[A-Za-z0-9_-]{43})\"");
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  private final AtomicInteger events = new AtomicInteger();
  private SlackStandIn slack;
  private String jdbcUrl;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedDirectory directory;
  @Inject MailOutbox outbox;
  @Inject DataSource dataSource;

  @Override
  public Map<String, String> getProperties() {
    smtp.start();
    try {
      slack = new SlackStandIn(BOT_TOKEN, "alice@example.com");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var properties = new HashMap<>(TestApp.properties());
    jdbcUrl = properties.get("datasources.default.url");
    // The real password reset flow alone: the other flows' triggers (account unlock) would take
    // the scripted questions before the knowledge base sees them.
    properties.put("tierzero.flows.dir", onlyPasswordReset().toString());
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.enabled", "false");
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put("tierzero.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    properties.put("tierzero.flows.codes-per-hour", "50");
    properties.put("tierzero.test.scripted-search", "true");
    properties.put("tierzero.channels.slack.signing-secret", SIGNING_SECRET);
    properties.put("tierzero.channels.slack.bot-token", BOT_TOKEN);
    properties.put("tierzero.channels.slack.api-url", slack.apiUrl());
    properties.put("tierzero.channels.public-url", "https://help.example.com");
    return properties;
  }

  private static Path onlyPasswordReset() {
    try {
      var dir = java.nio.file.Files.createTempDirectory("tierzero-slack-flows");
      java.nio.file.Files.copy(Path.of("../articles/flows/password-reset.yaml"), dir.resolve("password-reset.yaml"));
      dir.toFile().deleteOnExit();
      dir.resolve("password-reset.yaml").toFile().deleteOnExit();
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  void stop() {
    smtp.stop();
    slack.close();
  }

  // ---- refusals and the handshake ----

  @Test
  void an_unsigned_event_is_refused_with_401() {
    var request = HttpRequest.POST("/channels/slack/events", dm("U9", "hello")).contentType(MediaType.APPLICATION_JSON_TYPE);
    var e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }

  @Test
  void a_wrongly_signed_event_is_refused_with_401() {
    var body = dm("U9", "hello");
    var request = HttpRequest.POST("/channels/slack/events", body).contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("X-Slack-Request-Timestamp", now())
        .header("X-Slack-Signature", sign("another-secret", now(), body));
    var e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }

  @Test
  void a_correctly_signed_event_older_than_five_minutes_is_refused_with_401() {
    var old = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
    var body = dm("U9", "hello");
    var e = org.junit.jupiter.api.Assertions.assertThrows(
        HttpClientResponseException.class, () -> client.toBlocking().exchange(signed("/channels/slack/events", body, old), String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }

  @Test
  void url_verification_is_answered_with_the_challenge() {
    var body = "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    var response = client.toBlocking().exchange(signed("/channels/slack/events", body, now()), String.class);
    assertEquals(HttpStatus.OK, response.getStatus());
    assertTrue(response.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), response.body());
  }

  @Test
  void a_retried_event_is_answered_once() throws Exception {
    var before = slack.posted().size();
    var body = eventCallback("Ev-retry-1", "{\"type\":\"message\",\"channel\":\"D-retry\",\"channel_type\":\"im\",\"user\":\"U-retry\",\"text\":\"" + ANSWERED + "\",\"ts\":\"1.1\"}");
    assertEquals(HttpStatus.OK, client.toBlocking().exchange(signed("/channels/slack/events", body, now()), String.class).getStatus());
    slack.awaitPosts(before + 1);
    var retry = signed("/channels/slack/events", body, now()).header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout");
    assertEquals(HttpStatus.OK, client.toBlocking().exchange(retry, String.class).getStatus());
    Thread.sleep(1500);
    assertEquals(before + 1, slack.posted().size(), "the retry was answered again: " + slack.posted());
    assertEquals(2, count("select count(*) from chat_message m join channel_conversation c on c.conversation_id = m.conversation_id where c.user_id = 'U-retry'"));
  }

  // ---- conversations ----

  @Test
  void a_direct_message_gets_an_answer_card_with_link_snippet_and_thumbs() throws Exception {
    var post = say(dm("U-answer", ANSWERED));
    assertTrue(post.mentions("\"channel\":\"D-U-answer\""), post.body());
    assertTrue(post.mentions("<https://help.example.com/kb/account-locked-out|Account locked out>"), post.body());
    assertTrue(post.mentions("your account is locked"), post.body());
    assertTrue(post.mentions("\"action_id\":\"vote_up\"") && post.mentions("\"action_id\":\"vote_down\""), post.body());
    assertEquals(1, count("select count(*) from conversation v join channel_conversation c on c.conversation_id = v.id where c.user_id = 'U-answer' and v.channel = 'slack'"));

    var value = value(post, "vote_up");
    var before = slack.posted().size();
    click("U-answer", "vote_up", value);
    slack.awaitPosts(before + 1);
    assertEquals(1, count("select count(*) from feedback f join channel_conversation c on c.conversation_id = f.conversation_id where c.user_id = 'U-answer' and f.vote = 'up'"));
  }

  @Test
  void a_mention_in_a_channel_gets_a_clarify_with_buttons_and_a_click_answers_in_the_thread() throws Exception {
    var body = eventCallback(nextEvent(), "{\"type\":\"app_mention\",\"channel\":\"C-general\",\"user\":\"U-clarify\",\"text\":\"<@UBOT> " + AMBIGUOUS + "\",\"ts\":\"1700000001.000100\"}");
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
    assertEquals(1, count("select count(*) from chat_message m join channel_conversation c on c.conversation_id = m.conversation_id"
        + " where c.user_id = 'U-clarify' and m.sender = 'user' and m.body = 'Account locked out'"));
  }

  @Test
  void a_password_reset_skips_the_username_and_takes_code_and_password_on_our_page() throws Exception {
    var newPassword = "correct horse battery staple 7";
    var codeStep = say(dm("U-reset", "I forgot my password"));
    // Slack said who this is: no "what is your username" question; the code goes to Slack's email.
    var all = String.join("\n", slack.posted().stream().map(SlackStandIn.Posted::body).toList());
    assertFalse(all.contains("What is your username"), all);
    var link = SECRET_LINK.matcher(codeStep.body());
    assertTrue(link.find(), codeStep.body());
    assertTrue(link.group(1).startsWith("https://help.example.com/secret/"), link.group(1));
    var code = codeSentTo("alice@example.com");

    // The page, like a browser: GET sets the cookie and the form's value, POST sends both.
    var page = client.toBlocking().exchange(HttpRequest.GET(link.group(2)), String.class);
    assertEquals("no-store", page.header("Cache-Control"));
    assertTrue(page.body().contains("autocomplete=\"one-time-code\""), page.body());
    var before = slack.posted().size();
    var next = submit(link.group(2), page, code);
    assertEquals(HttpStatus.OK, next.getStatus());
    assertTrue(next.body().contains("type=\"password\""), next.body());
    var action = FORM_ACTION.matcher(next.body());
    assertTrue(action.find(), next.body());
    // The same question reaches Slack as a link of its own, never as a place to type.
    var passwordStep = slack.awaitPosts(before + 1).get(before);
    assertTrue(passwordStep.mentions("/secret/"), passwordStep.body());

    // A used link is gone.
    var reused = org.junit.jupiter.api.Assertions.assertThrows(
        HttpClientResponseException.class, () -> client.toBlocking().exchange(HttpRequest.GET(link.group(2)), String.class));
    assertEquals(HttpStatus.NOT_FOUND, reused.getStatus());

    before = slack.posted().size();
    var done = submit(action.group(1), next, newPassword);
    assertTrue(done.body().contains("your password has been changed"), done.body());
    assertTrue(slack.awaitPosts(before + 1).get(before).mentions("your password has been changed"));
    try (var ldap = new LDAPConnection("127.0.0.1", directory.port())) {
      ldap.bind("uid=alice,ou=people,dc=example,dc=com", newPassword);
    }
    outbox.awaitIdle(Duration.ofSeconds(10));
    var everything = String.join("\n", slack.posted().stream().map(SlackStandIn.Posted::body).toList());
    assertFalse(everything.contains(newPassword), "the password reached Slack");
    assertFalse(everything.contains(code), "the code reached Slack");
    for (var value : DatabaseText.everyValue(jdbcUrl)) {
      assertFalse(value.contains(newPassword), "stored: " + value);
    }
  }

  @Test
  void a_password_typed_into_slack_is_not_used_and_a_new_link_is_sent() throws Exception {
    say(dm("U-typed", "I forgot my password"));
    var before = slack.posted().size();
    send(eventCallback(nextEvent(), "{\"type\":\"message\",\"channel\":\"D-U-typed\",\"channel_type\":\"im\",\"user\":\"U-typed\",\"text\":\"123456\",\"ts\":\"2.2\"}"));
    var posts = slack.awaitPosts(before + 2);
    assertTrue(posts.get(before).mentions("I don't take codes in this chat"), posts.get(before).body());
    assertTrue(posts.get(before + 1).mentions("/secret/"), posts.get(before + 1).body());
    assertEquals(0, count("select count(*) from chat_message m join channel_conversation c on c.conversation_id = m.conversation_id where c.user_id = 'U-typed' and m.body like '%123456%'"));
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
    assertEquals(1, count("select count(*) from ticket t join channel_conversation c on c.conversation_id = t.conversation_id where c.user_id = 'U-handoff' and t.requester_email = 'alice@example.com'"));
  }

  // ---- helpers ----

  /** Sends a DM event and returns the last message posted for it. */
  private SlackStandIn.Posted say(String body) throws Exception {
    return send(body);
  }

  private SlackStandIn.Posted send(String body) throws Exception {
    var before = slack.posted().size();
    var response = client.toBlocking().exchange(signed("/channels/slack/events", body, now()), String.class);
    assertEquals(HttpStatus.OK, response.getStatus());
    // A turn's replies are posted one after another; wait until they stop coming.
    var posts = slack.awaitPosts(before + 1);
    int seen;
    do {
      seen = posts.size();
      Thread.sleep(300);
      posts = slack.posted();
    } while (posts.size() != seen);
    return posts.get(posts.size() - 1);
  }

  private HttpResponse<String> submit(String path, HttpResponse<String> page, String secret) {
    var csrf = CSRF.matcher(page.body());
    assertTrue(csrf.find(), page.body());
    var cookie = page.getCookie("TZ_SECRET_FORM").orElseThrow();
    var form = "csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return client.toBlocking().exchange(
        HttpRequest.POST(path, form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
            .cookie(Cookie.of(cookie.getName(), cookie.getValue())),
        String.class);
  }

  private void click(String user, String actionId, String value) {
    var payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\"},\"team\":{\"id\":\"T1\"},"
        + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"value\":" + jsonString(value) + ",\"action_ts\":\"1.0\"}]}";
    var body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    var request = HttpRequest.POST("/channels/slack/interactions", body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
        .header("X-Slack-Request-Timestamp", now())
        .header("X-Slack-Signature", sign(SIGNING_SECRET, now(), body));
    assertEquals(HttpStatus.OK, client.toBlocking().exchange(request, String.class).getStatus());
  }

  private static String value(SlackStandIn.Posted post, String actionId) {
    var m = Pattern.compile("\"action_id\":\"" + Pattern.quote(actionId) + "\",\"text\":\\{[^}]*\\},\"value\":\"([^\"]*)\"").matcher(post.body());
    assertTrue(m.find(), "no button " + actionId + " in " + post.body());
    return m.group(1);
  }

  private String codeSentTo(String address) throws Exception {
    assertTrue(outbox.awaitIdle(Duration.ofSeconds(30)), "mail still queued");
    String body = null;
    for (var message : smtp.getReceivedMessages()) {
      if (java.util.Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) body = GreenMailUtil.getBody(message);
    }
    assertTrue(body != null, "no mail to " + address);
    var m = CODE.matcher(body);
    assertTrue(m.find(), body);
    return m.group(1);
  }

  private long count(String sql) throws Exception {
    try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, "sa", "");
        var rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private String dm(String user, String text) {
    return eventCallback(nextEvent(),
        "{\"type\":\"message\",\"channel\":\"D-" + user + "\",\"channel_type\":\"im\",\"user\":\"" + user + "\",\"text\":" + jsonString(text) + ",\"ts\":\"1700000000.0001\"}");
  }

  private String nextEvent() {
    return "Ev-" + System.nanoTime() + "-" + events.incrementAndGet();
  }

  private static String eventCallback(String eventId, String event) {
    return "{\"token\":\"t\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event\":" + event
        + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":1700000000}";
  }

  private static io.micronaut.http.MutableHttpRequest<String> signed(String path, String body, String timestamp) {
    return HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("X-Slack-Request-Timestamp", timestamp)
        .header("X-Slack-Signature", sign(SIGNING_SECRET, timestamp, body));
  }

  private static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }

  /** Slack's signature, computed here independently of the bot's code. */
  static String sign(String secret, String timestamp, String body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
