package io.tierzero.bot.channels.email;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.DatabaseText;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.demo.EmbeddedDirectory;
import io.tierzero.bot.mail.MailOutbox;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the email tests share: a bot with the email channel on, reading a GreenMail mailbox over
 * IMAP and replying by SMTP to the same GreenMail; the test writes its mails by SMTP and reads the
 * bot's replies from what GreenMail received.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmailChannelBase implements TestPropertyProvider {
  static final String BOT = "support@example.com";
  static final String BOT_LOGIN = "support";
  static final String BOT_PASSWORD = "mailbox-password-1";

  /** The questions the scripted search answers (chat tests' ScriptedSearch). */
  static final String ANSWERED = "my account is locked";

  static final String AMBIGUOUS = "I can't sign in";

  static final Pattern SECRET_LINK =
      Pattern.compile("https://help\\.example\\.com(/secret/[A-Za-z0-9_-]{43})");
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  static final Pattern FORM_ACTION = Pattern.compile("action=\"(/secret/[A-Za-z0-9_-]{43})\"");
  static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  final GreenMail mail =
      new GreenMail(
          new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
          });
  String jdbcUrl;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedDirectory directory;
  @Inject MailOutbox outbox;

  @Override
  public Map<String, String> getProperties() {
    mail.start();
    mail.setUser(BOT, BOT_LOGIN, BOT_PASSWORD);
    var properties = new HashMap<>(TestApp.properties());
    jdbcUrl = properties.get("datasources.default.url");
    properties.put("tierzero.flows.dir", flows().toString());
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.enabled", "false");
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put("tierzero.mail.port", String.valueOf(mail.getSmtp().getPort()));
    properties.put("tierzero.flows.codes-per-hour", "50");
    properties.put("tierzero.test.scripted-search", "true");
    properties.put("tierzero.channels.public-url", "https://help.example.com");
    properties.put("tierzero.channels.email.imap-host", "127.0.0.1");
    properties.put("tierzero.channels.email.imap-port", String.valueOf(mail.getImap().getPort()));
    properties.put("tierzero.channels.email.imap-ssl", "false");
    properties.put("tierzero.channels.email.username", BOT_LOGIN);
    properties.put("tierzero.channels.email.password", BOT_PASSWORD);
    properties.put("tierzero.channels.email.address", BOT);
    properties.put("tierzero.channels.email.allowed-domains", "example.com, example.org");
    properties.put("tierzero.channels.email.poll-interval", "300ms");
    return properties;
  }

  /** The flows folder of this test class's bot. */
  abstract Path flows();

  @AfterAll
  void stop() {
    mail.stop();
  }

  // ---- helpers ----

  /** Sends a mail from {@code from} to the bot over SMTP; returns its Message-ID. */
  String send(String from, String subject, String body) throws MessagingException {
    return send(from, subject, body, Map.of());
  }

  String send(String from, String subject, String body, Map<String, String> headers)
      throws MessagingException {
    return send(from, subject, body, headers, "<" + UUID.randomUUID() + "@client.example.com>");
  }

  String send(
      String from, String subject, String body, Map<String, String> headers, String messageId)
      throws MessagingException {
    var message = message(messageId);
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(BOT));
    message.setSubject(subject, "UTF-8");
    message.setText(body, "UTF-8");
    for (var header : headers.entrySet()) message.setHeader(header.getKey(), header.getValue());
    Transport.send(message);
    return messageId;
  }

  /** A delivery report, as a mail server sends it back for an undeliverable message. */
  void sendBounce(String daemon, String about) throws MessagingException {
    var message = message("<" + UUID.randomUUID() + "@mx.example.com>");
    message.setFrom(new InternetAddress(daemon));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(BOT));
    message.setSubject("Undelivered Mail Returned to Sender");
    var human = new MimeBodyPart();
    human.setText("The mail to " + about + " could not be delivered. " + ANSWERED);
    var status = new MimeBodyPart();
    status.setContent(
        "Reporting-MTA: dns; mx.example.com\r\nFinal-Recipient: rfc822; "
            + about
            + "\r\nAction: failed\r\nStatus: 5.1.1\r\n",
        "message/delivery-status");
    var report = new MimeMultipart("report; report-type=delivery-status", human, status);
    message.setContent(report);
    Transport.send(message);
  }

  private MimeMessage message(String messageId) {
    var props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    return new MimeMessage(Session.getInstance(props)) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
  }

  /**
   * The bot's mails to {@code address} so far, oldest first (codes from the flows are not among
   * them).
   */
  List<MimeMessage> replies(String address) throws MessagingException {
    var out = new ArrayList<MimeMessage>();
    for (var message : mail.getReceivedMessages()) {
      var from = message.getFrom();
      boolean toUser =
          Arrays.stream(message.getAllRecipients())
              .anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
      if (toUser
          && from != null
          && from.length > 0
          && ((InternetAddress) from[0]).getAddress().equals(BOT)) out.add(message);
    }
    return out;
  }

  List<MimeMessage> awaitReplies(String address, int count) throws Exception {
    return await(count + " replies to " + address)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> replies(address), replies -> replies.size() >= count);
  }

  static String part(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type)) return String.valueOf(part.getContent());
    if (part.getContent() instanceof Multipart multipart) {
      var out = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++)
        out.append(part(multipart.getBodyPart(i), type));
      return out.toString();
    }
    return "";
  }

  String codeSentTo(String address) throws Exception {
    assertTrue(outbox.awaitIdle(Duration.ofSeconds(30)), "mail still queued");
    String body = null;
    for (var message : mail.getReceivedMessages()) {
      boolean toUser =
          Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
      if (toUser && !((InternetAddress) message.getFrom()[0]).getAddress().equals(BOT))
        body = GreenMailUtil.getBody(message);
    }
    assertNotNull(body, "no code mail to " + address);
    var m = CODE.matcher(body);
    assertTrue(m.find(), body);
    return m.group(1);
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

  /** A connection to the bot's database, outside the bot's transactions. */
  java.sql.Connection connect() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(jdbcUrl, "sa", "");
  }

  /** Every text value the bot's database holds. */
  List<String> storedValues() throws java.sql.SQLException {
    return DatabaseText.everyValue(jdbcUrl);
  }

  long count(String sql) throws Exception {
    try (var connection = connect();
        var rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static Path flows(String... files) {
    try {
      var dir = Files.createTempDirectory("tierzero-email-flows");
      dir.toFile().deleteOnExit();
      for (var file : files) {
        Files.copy(Path.of("../articles/flows/" + file), dir.resolve(file));
        dir.resolve(file).toFile().deleteOnExit();
      }
      return dir;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
