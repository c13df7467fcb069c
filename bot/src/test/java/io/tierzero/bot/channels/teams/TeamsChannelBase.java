package io.tierzero.bot.channels.teams;

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
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.demo.EmbeddedDirectory;
import io.tierzero.bot.mail.MailOutbox;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the Teams tests share: a bot with Teams on, the Bot Framework's stand-in, activities as the
 * connector sends them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TeamsChannelBase implements TestPropertyProvider {
  static final String APP_ID = "2b1e4c5d-0000-4a4a-9f9f-1234567890ab";
  static final String APP_PASSWORD = "test~app~password~value";
  static final String BOT = "28:" + APP_ID;

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
  final AtomicInteger activities = new AtomicInteger();
  BotFrameworkStandIn teams;
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
      teams = new BotFrameworkStandIn(APP_ID, APP_PASSWORD, "alice@example.com");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    properties.put("tierzero.channels.teams.app-id", APP_ID);
    properties.put("tierzero.channels.teams.app-password", APP_PASSWORD);
    properties.put("tierzero.channels.teams.openid-metadata-url", teams.metadataUrl());
    properties.put("tierzero.channels.teams.token-url", teams.tokenUrl());
    properties.put("tierzero.channels.public-url", "https://help.example.com");
    return properties;
  }

  /** The flows the bot runs: a folder holding {@code files} from the repository's flows. */
  static Path flows(String... files) {
    try {
      var dir = Files.createTempDirectory("tierzero-teams-flows");
      dir.toFile().deleteOnExit();
      for (var file : files) {
        Files.copy(Path.of("../articles/flows/" + file), dir.resolve(file));
        dir.resolve(file).toFile().deleteOnExit();
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The flows folder of this test class's bot. */
  abstract Path flows();

  @AfterAll
  void stop() {
    smtp.stop();
    teams.close();
  }

  /**
   * Posts {@code activity} with a valid connector token; returns the last activity the bot posted
   * for it.
   */
  BotFrameworkStandIn.Posted send(String activity) throws Exception {
    var before = teams.posted().size();
    var response = client.toBlocking().exchange(activity(activity, teams.token()), String.class);
    assertEquals(HttpStatus.OK, response.getStatus());
    // A turn's replies are posted one after another; wait until they stop coming.
    var posts = teams.awaitPosts(before + 1);
    int seen;
    do {
      seen = posts.size();
      Thread.sleep(300);
      posts = teams.posted();
    } while (posts.size() != seen);
    return posts.get(posts.size() - 1);
  }

  static MutableHttpRequest<String> activity(String activity, String token) {
    var request =
        HttpRequest.POST("/channels/teams/messages", activity)
            .contentType(MediaType.APPLICATION_JSON_TYPE);
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  /** A message in a one-to-one chat with the bot. */
  String personal(String user, String text) {
    return message("a:personal-" + user, "personal", user, text, null);
  }

  /**
   * A message activity as Teams sends it; {@code value} is a pressed button's data (JSON), text
   * then null.
   */
  String message(
      String conversation, String conversationType, String user, String text, String value) {
    return "{\"type\":\"message\",\"id\":\""
        + nextId()
        + "\",\"timestamp\":\"2026-12-02T10:00:00.000Z\","
        + "\"serviceUrl\":\""
        + teams.serviceUrl()
        + "\",\"channelId\":\"msteams\","
        + "\"from\":{\"id\":\"29:teams-"
        + user
        + "\",\"name\":\"Alice Example\",\"aadObjectId\":\"aad-"
        + user
        + "\"},"
        + "\"conversation\":{\"id\":"
        + jsonString(conversation)
        + ",\"conversationType\":\""
        + conversationType
        + "\",\"tenantId\":\"tenant-1\""
        + ("personal".equals(conversationType) ? "" : ",\"isGroup\":true")
        + "},"
        + "\"recipient\":{\"id\":\""
        + BOT
        + "\",\"name\":\"IT help\"},"
        + (text == null ? "" : "\"text\":" + jsonString(text) + ",\"textFormat\":\"plain\",")
        + (value == null ? "" : "\"value\":" + value + ",")
        + "\"locale\":\"en-US\",\"channelData\":{\"tenant\":{\"id\":\"tenant-1\"}}}";
  }

  String nextId() {
    return "1733133600"
        + String.format("%03d", activities.incrementAndGet() % 1000)
        + System.nanoTime() % 1000;
  }

  /**
   * Presses the card button titled {@code title} in {@code post}, as {@code user} in {@code
   * conversation}.
   */
  void press(
      BotFrameworkStandIn.Posted post,
      String title,
      String conversation,
      String conversationType,
      String user)
      throws Exception {
    var data = buttonData(post, title);
    var before = teams.posted().size();
    var response =
        client
            .toBlocking()
            .exchange(
                activity(message(conversation, conversationType, user, null, data), teams.token()),
                String.class);
    assertEquals(HttpStatus.OK, response.getStatus());
    // The caller waits for what the press makes the bot post (or checks that it posts nothing).
    assertTrue(teams.posted().size() >= before);
  }

  /** The data of the button titled {@code title}, anywhere in the post's card, as JSON. */
  @SuppressWarnings("unchecked")
  static String buttonData(BotFrameworkStandIn.Posted post, String title) {
    var card = post.card();
    assertTrue(card != null, "no card in " + post.body());
    var found = findAction(card, title);
    assertTrue(found != null, "no button " + title + " in " + post.body());
    return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
        (Map<String, Object>) found.get("data"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> findAction(Object node, String title) {
    if (node instanceof Map<?, ?> map) {
      if (title.equals(map.get("title"))
          && map.get("type") != null
          && map.get("type").toString().startsWith("Action.")) {
        return (Map<String, Object>) map;
      }
      for (var value : map.values()) {
        var found = findAction(value, title);
        if (found != null) return found;
      }
    } else if (node instanceof List<?> list) {
      for (var value : list) {
        var found = findAction(value, title);
        if (found != null) return found;
      }
    }
    return null;
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

  static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
