package io.tierzero.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.demo.EmbeddedDirectory;
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
import org.junit.jupiter.api.TestInstance;

/** What the Slack tests share: a bot with Slack on, Slack's stand-in, signed requests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlackChannelBase implements TestPropertyProvider {
  static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String BOT_TOKEN = "xoxb-test-bot-token";

  /** The questions the scripted search answers (chat tests' ScriptedSearch). */
  static final String ANSWERED = "my account is locked";

  static final String AMBIGUOUS = "I can't sign in";

  static final Pattern SECRET_LINK =
      Pattern.compile("\"url\":\"(http[^\"]*(/secret/[A-Za-z0-9_-]{43}))\"");
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  static final Pattern FORM_ACTION = Pattern.compile("action=\"(/secret/[A-Za-z0-9_-]{43})\"");
  static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  final AtomicInteger events = new AtomicInteger();
  SlackStandIn slack;
  String jdbcUrl;

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
    properties.put("tierzero.flows.dir", flows().toString());
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

  /** The flows the bot runs: a folder holding {@code files} from the repository's flows. */
  static Path flows(String... files) {
    try {
      var dir = java.nio.file.Files.createTempDirectory("tierzero-slack-flows");
      dir.toFile().deleteOnExit();
      for (var file : files) {
        java.nio.file.Files.copy(Path.of("../articles/flows/" + file), dir.resolve(file));
        dir.resolve(file).toFile().deleteOnExit();
      }
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The flows folder of this test class's bot. */
  abstract Path flows();

  @AfterAll
  void stop() {
    smtp.stop();
    slack.close();
  }

  /** Sends a DM event and returns the last message posted for it. */
  SlackStandIn.Posted say(String body) throws Exception {
    return send(body);
  }

  SlackStandIn.Posted send(String body) throws Exception {
    var before = slack.posted().size();
    var response =
        client.toBlocking().exchange(signed("/channels/slack/events", body, now()), String.class);
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

  HttpResponse<String> submit(String path, HttpResponse<String> page, String secret) {
    var csrf = CSRF.matcher(page.body());
    assertTrue(csrf.find(), page.body());
    var cookie = page.getCookie("TZ_SECRET_FORM").orElseThrow();
    var form =
        "csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
            + "&secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return client
        .toBlocking()
        .exchange(
            HttpRequest.POST(path, form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(Cookie.of(cookie.getName(), cookie.getValue())),
            String.class);
  }

  void click(String user, String actionId, String value) {
    var payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + user
            + "\"},\"team\":{\"id\":\"T1\"},"
            + "\"actions\":[{\"type\":\"button\",\"action_id\":\""
            + actionId
            + "\",\"value\":"
            + jsonString(value)
            + ",\"action_ts\":\"1.0\"}]}";
    var body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    var request =
        HttpRequest.POST("/channels/slack/interactions", body)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
            .header("X-Slack-Request-Timestamp", now())
            .header("X-Slack-Signature", sign(SIGNING_SECRET, now(), body));
    assertEquals(HttpStatus.OK, client.toBlocking().exchange(request, String.class).getStatus());
  }

  static String value(SlackStandIn.Posted post, String actionId) {
    var m =
        Pattern.compile(
                "\"action_id\":\""
                    + Pattern.quote(actionId)
                    + "\",\"text\":\\{[^}]*\\},\"value\":\"([^\"]*)\"")
            .matcher(post.body());
    assertTrue(m.find(), "no button " + actionId + " in " + post.body());
    return m.group(1);
  }

  String codeSentTo(String address) throws Exception {
    assertTrue(outbox.awaitIdle(Duration.ofSeconds(30)), "mail still queued");
    String body = null;
    for (var message : smtp.getReceivedMessages()) {
      if (java.util.Arrays.stream(message.getAllRecipients())
          .anyMatch(r -> r.toString().equals(address))) body = GreenMailUtil.getBody(message);
    }
    assertTrue(body != null, "no mail to " + address);
    var m = CODE.matcher(body);
    assertTrue(m.find(), body);
    return m.group(1);
  }

  long count(String sql) throws Exception {
    // The bot's own pool: the same database whichever it is (H2 here, PostgreSQL in a subclass).
    var pool = dataSource;
    while (pool instanceof DelegatingDataSource delegating) pool = delegating.getTargetDataSource();
    try (var connection = pool.getConnection();
        var rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  String dm(String user, String text) {
    return eventCallback(
        nextEvent(),
        "{\"type\":\"message\",\"channel\":\"D-"
            + user
            + "\",\"channel_type\":\"im\",\"user\":\""
            + user
            + "\",\"text\":"
            + jsonString(text)
            + ",\"ts\":\"1700000000.0001\"}");
  }

  String nextEvent() {
    return "Ev-" + System.nanoTime() + "-" + events.incrementAndGet();
  }

  static String eventCallback(String eventId, String event) {
    return "{\"token\":\"t\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event\":"
        + event
        + ",\"type\":\"event_callback\",\"event_id\":\""
        + eventId
        + "\",\"event_time\":1700000000}";
  }

  static io.micronaut.http.MutableHttpRequest<String> signed(
      String path, String body, String timestamp) {
    return HttpRequest.POST(path, body)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("X-Slack-Request-Timestamp", timestamp)
        .header("X-Slack-Signature", sign(SIGNING_SECRET, timestamp, body));
  }

  static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }

  /** Slack's signature, computed here independently of the bot's code. */
  static String sign(String secret, String timestamp, String body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0="
          + HexFormat.of()
              .formatHex(
                  mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
