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
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import io.tierzero.bot.DatabaseText;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.demo.EmbeddedMailServer;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * A password reset with a secret and a one-time code, after which neither is anywhere: not in any
 * text column of any table, not in any log line (at DEBUG), not in the transcript.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsNeverKeptTest implements TestPropertyProvider {
  private static final String SECRET = "Velvet-Orchard-Secret-93";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedMailServer mail;
  @Inject io.tierzero.bot.mail.MailOutbox outbox;
  private String databaseUrl;

  @Override
  public Map<String, String> getProperties() {
    var properties = FlowChat.properties();
    databaseUrl = properties.get("datasources.default.url");
    return properties;
  }

  /** A plain JDBC connection to the bot's database, outside its transaction management. */
  @Test
  void the_secret_and_the_code_are_in_no_table_log_or_transcript() throws Exception {
    var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var previousLevel = root.getLevel();
    var logs = new ListAppender<ILoggingEvent>();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.DEBUG);
    String code;
    FlowChat chat;
    try {
      chat = new FlowChat(client);
      chat.last("I forgot my password");
      assertQuestion(chat.last("alice"), "code");
      assertTrue(outbox.awaitIdle(java.time.Duration.ofSeconds(30)), "mail still queued");
      var matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(mail.received().get(0).text());
      assertTrue(matcher.find());
      code = matcher.group(1);
      assertQuestion(chat.last(code), "secret");
      var done = chat.last(SECRET);
      assertEquals(ReplyType.FLOW_STEP, done.type(), done.text());
      assertTrue(done.text().contains("password has been changed"), done.text());
    } finally {
      root.detachAppender(logs);
      root.setLevel(previousLevel);
    }

    var transcript = chat.transcript();
    var texts = transcript.messages().stream().map(m -> m.text()).toList();
    assertTrue(texts.contains("(secret given)"), texts.toString());
    assertTrue(texts.contains("(one-time code given)"), texts.toString());
    // The code is six digits: it counts only as a number of its own, not inside a longer one
    // (a timestamp or a port in a DEBUG line could contain any six digits by chance).
    // Bounded by anything but letters and digits: the six digits also turn up by chance inside
    // hex hashes (bean ids in DEBUG lines, the code's own HMAC), which are not the code leaking.
    var codePattern = Pattern.compile("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])");
    var transcriptText = String.join("\n", texts);
    assertFalse(transcriptText.contains(SECRET), "secret in the transcript");
    assertFalse(codePattern.matcher(transcriptText).find(), "code in the transcript");

    var logText = new StringBuilder();
    java.util.List<ILoggingEvent> logged;
    // Mail goes out on its own thread and the demo SMTP server logs on its own: copy the lines
    // under the appender's lock, which logback holds to append.
    synchronized (logs) {
      logged = new java.util.ArrayList<>(logs.list);
    }
    for (var event : logged) {
      logText.append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null)
        logText.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
    }
    assertTrue(logText.length() > 0, "the log capture saw nothing");
    assertFalse(logText.toString().contains(SECRET), "secret in the logs");
    assertFalse(
        codePattern.matcher(logText).find(),
        "code in the logs: "
            + logged.stream()
                .filter(e -> codePattern.matcher(e.getFormattedMessage()).find())
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage())
                .toList());

    // Every character column of every table, whichever table a future change adds.
    for (var value : DatabaseText.everyValue(databaseUrl)) {
      assertFalse(value.contains(SECRET), "secret in " + value);
      assertFalse(codePattern.matcher(value).find(), "code in " + value);
    }
  }
}
