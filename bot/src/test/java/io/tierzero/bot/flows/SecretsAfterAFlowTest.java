package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowChat.assertQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import io.tierzero.bot.DatabaseText;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.demo.EmbeddedMailServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Secrets typed once no question asks for them: the new password typed again after the reset ended,
 * a bare code sent after the code step escalated. The real flows over HTTP, a ticket raised and
 * delivered to a webhook this test runs; afterwards the secret is in no transcript, no text column
 * of any table, no delivered ticket and no log line (at DEBUG).
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsAfterAFlowTest implements TestPropertyProvider {
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedMailServer mail;
  @Inject io.tierzero.bot.mail.MailOutbox outbox;

  /** What the webhook sink delivered: each ticket's JSON as sent. */
  private final List<String> delivered = new CopyOnWriteArrayList<>();

  private final HttpServer helpdesk = helpdesk();
  private String databaseUrl;
  private ListAppender<ILoggingEvent> logs;
  private Level rootLevel;

  @Override
  public Map<String, String> getProperties() {
    var properties = FlowChat.properties();
    properties.put(
        "tierzero.tickets.webhooks.helpdesk.url",
        "http://127.0.0.1:" + helpdesk.getAddress().getPort() + "/hook");
    properties.put("tierzero.tickets.outbox.poll-interval", "200ms");
    databaseUrl = properties.get("datasources.default.url");
    return properties;
  }

  @AfterAll
  void stopHelpdesk() {
    helpdesk.stop(0);
  }

  @BeforeEach
  void captureLogs() {
    var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.DEBUG);
  }

  @AfterEach
  void releaseLogs() {
    var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  @Test
  void a_new_password_typed_again_after_the_reset_ended_is_kept_nowhere() throws Exception {
    var secret = "Amber-Quarry-Lantern-61";
    var chat = new FlowChat(client);
    chat.last("I forgot my password");
    assertQuestion(chat.last("alice"), "code");
    var code = codeSentTo("alice@example.com");
    assertQuestion(chat.last(code), "secret");
    assertEquals(
        "secret",
        openQuestion(chat.transcript()),
        "the transcript says what the open question asks for");
    var done = chat.last(secret);
    assertTrue(done.text().contains("password has been changed"), done.text());

    chat.send(secret); // "did it take?": typed again, with no question asking for it
    var replies = chat.send("talk to a person");
    assertTrue(replies.stream().anyMatch(r -> r.type() == ReplyType.HANDOFF), replies.toString());
    raiseTicket(chat);

    var texts = userTexts(chat.transcript());
    assertEquals(
        List.of(
            "I forgot my password",
            "alice",
            "(one-time code given)",
            "(secret given)",
            "(secret given)",
            "talk to a person"),
        texts);
    assertKeptNowhere(Pattern.compile(Pattern.quote(secret)), chat);
  }

  @Test
  void a_bare_code_sent_after_the_code_step_escalated_is_kept_nowhere() throws Exception {
    var chat = new FlowChat(client);
    chat.last("I forgot my password");
    assertQuestion(chat.last("carol"), "code");
    var code = codeSentTo("carol@example.com");
    var wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    List<BotMessage> replies = List.of();
    for (int i = 0; i < 3 && replies.stream().noneMatch(r -> r.type() == ReplyType.HANDOFF); i++)
      replies = chat.send(wrong);
    assertTrue(
        replies.stream().anyMatch(r -> r.type() == ReplyType.HANDOFF),
        "the code step escalates: " + replies);

    chat.send(code); // the right code after all, now that no question asks for it
    raiseTicket(chat);

    var texts = userTexts(chat.transcript());
    assertEquals("(one-time code given)", texts.get(texts.size() - 1), texts.toString());
    assertKeptNowhere(Pattern.compile("(?<!\\d)" + code + "(?!\\d)"), chat);
  }

  @Test
  void an_ordinary_reply_after_the_reset_ended_is_kept_as_typed() throws Exception {
    var chat = new FlowChat(client);
    chat.last("I forgot my password");
    assertQuestion(chat.last("bob"), "code");
    assertQuestion(chat.last(codeSentTo("bob@example.com")), "secret");
    var done = chat.last("Copper-Meadow-Violin-35");
    assertTrue(done.text().contains("password has been changed"), done.text());

    chat.send("thanks!");
    chat.send("how do I connect to the office wifi");

    var texts = userTexts(chat.transcript());
    assertEquals(
        List.of("thanks!", "how do I connect to the office wifi"),
        texts.subList(texts.size() - 2, texts.size()));
  }

  /** Not in the transcript, any text column, a delivered ticket or a log line. */
  private void assertKeptNowhere(Pattern secret, FlowChat chat) throws Exception {
    var transcript = String.join("\n", userTexts(chat.transcript()));
    assertFalse(secret.matcher(transcript).find(), "in the transcript: " + transcript);
    for (var value : DatabaseText.everyValue(databaseUrl)) {
      assertFalse(secret.matcher(value).find(), "in the database: " + value);
    }
    var ticket = awaitDelivery(chat.conversation.id());
    assertTrue(
        ticket.contains("(secret given)") || ticket.contains("(one-time code given)"), ticket);
    assertFalse(secret.matcher(ticket).find(), "in the delivered ticket: " + ticket);
    var logText = new StringBuilder();
    for (var event : logged()) {
      logText.append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null)
        logText.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
    }
    assertTrue(logText.length() > 0, "the log capture saw nothing");
    assertFalse(secret.matcher(logText).find(), "in the logs");
  }

  /**
   * What was logged so far. Mail goes out on its own thread (and the demo SMTP server logs on its
   * own), so lines may still arrive: copy under the appender's lock, which logback holds to append.
   */
  private List<ILoggingEvent> logged() {
    synchronized (logs) {
      return new java.util.ArrayList<>(logs.list);
    }
  }

  private void raiseTicket(FlowChat chat) {
    var form =
        Map.<String, Object>of("name", "Jo Bloggs", "email", "jo@example.com", "consent", true);
    var response =
        client
            .toBlocking()
            .exchange(
                HttpRequest.POST("/api/conversations/" + chat.conversation.id() + "/ticket", form)
                    .header("X-Conversation-Token", chat.conversation.token()),
                String.class);
    assertEquals(HttpStatus.CREATED, response.getStatus());
  }

  private String awaitDelivery(String conversationId) throws InterruptedException {
    var deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (var body : delivered) if (body.contains(conversationId)) return body;
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no ticket for " + conversationId + " reached the webhook; got " + delivered.size());
  }

  /** Code mail goes out after the reply (MailOutbox): wait for it before reading the mailbox. */
  private void mailSent() {
    try {
      assertTrue(outbox.awaitIdle(java.time.Duration.ofSeconds(30)), "mail still queued");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The code in the newest mail to {@code address}. */
  private String codeSentTo(String address) {
    mailSent();
    var latest =
        mail.received().stream().filter(m -> m.to().contains(address)).findFirst().orElseThrow();
    var matcher = CODE.matcher(latest.text());
    assertTrue(matcher.find(), latest.text());
    return matcher.group(1);
  }

  private static String openQuestion(Transcript transcript) {
    var last = transcript.messages().get(transcript.messages().size() - 1);
    return last.input() == null ? null : last.input().type();
  }

  private static List<String> userTexts(Transcript transcript) {
    return transcript.messages().stream()
        .filter(m -> m.from().equals("user"))
        .map(Transcript.Entry::text)
        .toList();
  }

  private HttpServer helpdesk() {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            try (exchange) {
              delivered.add(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
              exchange.sendResponseHeaders(200, -1);
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
