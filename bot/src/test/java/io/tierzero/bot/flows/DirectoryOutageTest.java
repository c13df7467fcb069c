package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowChat.assertQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.identity.DirectoryConfiguration;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The company directory (a real LDAP server this test runs, then shuts down) stops answering: users
 * are told the account service is unavailable, at whichever step it happens, and are handed to a
 * person; health says the directory is down, and up again once it is back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryOutageTest implements TestPropertyProvider {
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
  private static final String UNAVAILABLE = "isn't available";

  /** Health shows its details to agents only: the directory's address is not for everyone. */
  private static final String AGENT = "dana";

  private static final String AGENT_PASSWORD = "agent-pass-123";

  private final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  private final int directoryPort = freePort();
  private InMemoryDirectoryServer directory;

  @Inject io.tierzero.bot.mail.MailOutbox outbox;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    smtp.start();
    startDirectory();
    var properties = FlowChat.properties();
    properties.put("tierzero.directory.url", "ldap://127.0.0.1:" + directoryPort);
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put("tierzero.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    properties.put("tierzero.flows.codes-per-hour", "50");
    properties.put(
        "tierzero.security.agents." + AGENT + ".password-hash",
        io.tierzero.bot.security.PasswordHashes.hash(AGENT_PASSWORD.toCharArray(), 1000));
    return properties;
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A directory with the demo users on a fixed port, so it can come back where the bot looks. */
  private void startDirectory() {
    try {
      var config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig(
              "ldap", InetAddress.getLoopbackAddress(), directoryPort, null));
      config.setSchema(null);
      config.addAdditionalBindCredentials(
          DirectoryConfiguration.DEFAULT_BIND_DN, DirectoryConfiguration.DEMO_BIND_PASSWORD);
      directory = new InMemoryDirectoryServer(config);
      try (var in =
          getClass().getClassLoader().getResourceAsStream("identity/demo-directory.ldif")) {
        directory.importFromLDIF(true, new LDIFReader(in));
      }
      directory.startListening();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void stopDirectory() {
    directory.shutDown(true);
  }

  @AfterEach
  void directoryBack() {
    if (directory.getListenPort() == -1) startDirectory();
  }

  @AfterAll
  void stopServers() {
    directory.shutDown(true);
    smtp.stop();
  }

  /** Code mail goes out after the reply (MailOutbox): wait for it before reading the mailbox. */
  private void mailSent() throws InterruptedException {
    assertTrue(outbox.awaitIdle(java.time.Duration.ofSeconds(30)), "mail still queued");
  }

  private String codeSentTo(String address) throws Exception {
    mailSent();
    var messages = smtp.getReceivedMessages();
    for (int i = messages.length - 1; i >= 0; i--) {
      if (Arrays.stream(messages[i].getAllRecipients())
          .anyMatch(r -> r.toString().equals(address))) {
        var matcher = CODE.matcher(GreenMailUtil.getBody(messages[i]));
        assertTrue(matcher.find(), "no code in the mail");
        return matcher.group(1);
      }
    }
    throw new AssertionError("no mail to " + address);
  }

  private static void assertUnavailableAndHandedOver(List<BotMessage> replies) {
    var texts = replies.stream().map(BotMessage::text).toList();
    assertTrue(texts.stream().anyMatch(t -> t.contains(UNAVAILABLE)), texts.toString());
    assertFalse(String.join(" ", texts).contains("couldn't confirm"), texts.toString());
    assertEquals(ReplyType.HANDOFF, replies.get(replies.size() - 1).type(), texts.toString());
  }

  private HttpClientResponseException healthDown() {
    try {
      var body =
          client.toBlocking().retrieve(HttpRequest.GET("/health").basicAuth(AGENT, AGENT_PASSWORD));
      throw new AssertionError("health is not down: " + body);
    } catch (HttpClientResponseException e) {
      return e;
    }
  }

  @Test
  void a_directory_down_before_the_flow_is_unavailable_not_an_unknown_account() throws Exception {
    mailSent();
    int mailsBefore = smtp.getReceivedMessages().length;
    stopDirectory();
    var chat = new FlowChat(client);
    chat.last("I forgot my password");
    assertUnavailableAndHandedOver(chat.send("alice"));
    mailSent();
    assertEquals(
        mailsBefore, smtp.getReceivedMessages().length, "a code was sent without a directory");
  }

  @Test
  void a_directory_lost_after_the_code_was_sent_is_unavailable_too() throws Exception {
    var chat = new FlowChat(client);
    chat.last("I'm locked out of my account");
    assertQuestion(chat.last("bob@example.com"), "code");
    var code = codeSentTo("bob@example.com");

    stopDirectory();
    assertUnavailableAndHandedOver(chat.send(code));
  }

  @Test
  void health_reports_the_directory_down_and_up_again_once_it_is_back() {
    assertEquals(HttpStatus.OK, client.toBlocking().exchange("/health", String.class).getStatus());

    stopDirectory();
    var down = healthDown();
    assertEquals(HttpStatus.SERVICE_UNAVAILABLE, down.getStatus());
    var body = down.getResponse().getBody(String.class).orElse("");
    assertTrue(body.contains("\"directory\""), body);
    assertTrue(body.contains("not reachable"), body);

    startDirectory();
    assertEquals(HttpStatus.OK, client.toBlocking().exchange("/health", String.class).getStatus());
    // The bot's own connections, broken by the outage, are replaced: the next flow works at once.
    var chat = new FlowChat(client);
    chat.last("I forgot my password");
    assertQuestion(chat.last("alice"), "code");
  }
}
