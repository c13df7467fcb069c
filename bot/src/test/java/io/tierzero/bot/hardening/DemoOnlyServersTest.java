package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.Application;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatResponse;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.demo.EmbeddedDirectory;
import io.tierzero.bot.demo.EmbeddedMailServer;
import io.tierzero.bot.identity.DirectoryConfiguration;
import io.tierzero.bot.security.PasswordHashes;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded LDAP and SMTP servers and the demo mailbox exist only in the demo environment:
 * outside it (and in it, once a real directory is configured) a password reset sends no code to a
 * mailbox agents can read, and says the service is unavailable and offers a person instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoOnlyServersTest {
  private static final Path FLOWS = Path.of("../articles/flows").toAbsolutePath().normalize();
  private static final String AGENT = "dana";
  private static final String AGENT_PASSWORD = "agent-pass-123";

  /**
   * Stands for the company's directory: a real LDAP server with the demo users, run by the test.
   */
  private InMemoryDirectoryServer realDirectory;

  @BeforeAll
  void startDirectory() throws Exception {
    var config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    config.setSchema(null);
    config.addAdditionalBindCredentials(
        DirectoryConfiguration.DEFAULT_BIND_DN, DirectoryConfiguration.DEMO_BIND_PASSWORD);
    realDirectory = new InMemoryDirectoryServer(config);
    try (var in = getClass().getClassLoader().getResourceAsStream("identity/demo-directory.ldif")) {
      realDirectory.importFromLDIF(true, new LDIFReader(in));
    }
    realDirectory.startListening();
  }

  @AfterAll
  void stopDirectory() {
    realDirectory.shutDown(true);
  }

  private Map<String, Object> properties(boolean realDirectoryConfigured) {
    var properties = new HashMap<String, Object>(TestApp.properties());
    properties.put("tierzero.flows.dir", FLOWS.toString());
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.port", "0");
    properties.put(
        "tierzero.security.agents." + AGENT + ".password-hash",
        PasswordHashes.hash(AGENT_PASSWORD.toCharArray(), 1000));
    if (realDirectoryConfigured)
      properties.put("tierzero.directory.url", "ldap://127.0.0.1:" + realDirectory.getListenPort());
    return properties;
  }

  @Test
  void outside_the_demo_there_is_no_embedded_smtp_or_ldap_and_no_demo_mailbox() {
    try (var server = ApplicationContext.run(EmbeddedServer.class, properties(false), "test");
        var client = HttpClient.create(server.getURL())) {
      var context = server.getApplicationContext();
      assertFalse(
          context.containsBean(EmbeddedMailServer.class), "embedded SMTP server outside the demo");
      assertFalse(
          context.containsBean(EmbeddedDirectory.class),
          "embedded LDAP directory outside the demo");

      var asAgent =
          assertThrows(
              HttpClientResponseException.class,
              () ->
                  client
                      .toBlocking()
                      .exchange(
                          HttpRequest.GET("/api/agent/demo-mail").basicAuth(AGENT, AGENT_PASSWORD),
                          String.class));
      assertEquals(HttpStatus.NOT_FOUND, asAgent.getStatus());
      var anonymous =
          assertThrows(
              HttpClientResponseException.class,
              () ->
                  client
                      .toBlocking()
                      .exchange(HttpRequest.GET("/api/agent/demo-mail"), String.class));
      assertNotEquals(HttpStatus.OK, anonymous.getStatus());

      // Nothing configured at all: the directory is the first thing missing.
      assertUnavailableAndHandedOver(server, "I forgot my password", "alice");
    }
  }

  @Test
  void with_a_real_directory_and_default_mail_no_code_is_made_and_a_person_is_offered()
      throws Exception {
    try (var server = ApplicationContext.run(EmbeddedServer.class, properties(true), "test")) {
      assertFalse(server.getApplicationContext().containsBean(EmbeddedMailServer.class));
      assertUnavailableAndHandedOver(server, "I forgot my password", "alice");
      assertUnavailableAndHandedOver(server, "unlock my account", "bob");
      assertEquals(0, codesRecorded(server), "a code was made with no mail server to send it");
    }
  }

  @Test
  void in_the_demo_a_real_directory_turns_the_demo_mailbox_off() throws Exception {
    try (var server =
            ApplicationContext.run(
                EmbeddedServer.class, properties(true), "test", Application.DEMO_ENVIRONMENT);
        var client = HttpClient.create(server.getURL())) {
      assertFalse(
          server.getApplicationContext().containsBean(EmbeddedMailServer.class),
          "demo mailbox beside a real directory");
      var asAgent =
          assertThrows(
              HttpClientResponseException.class,
              () ->
                  client
                      .toBlocking()
                      .exchange(
                          HttpRequest.GET("/api/agent/demo-mail").basicAuth(AGENT, AGENT_PASSWORD),
                          String.class));
      assertEquals(HttpStatus.NOT_FOUND, asAgent.getStatus());
      assertUnavailableAndHandedOver(server, "I forgot my password", "alice");
      assertEquals(0, codesRecorded(server));
    }
  }

  private static void assertUnavailableAndHandedOver(EmbeddedServer server, String... messages) {
    try (var client = HttpClient.create(server.getURL())) {
      var http = client.toBlocking();
      var conversation =
          http.retrieve(HttpRequest.POST("/api/conversations", ""), StartedConversation.class);
      var replies = new ArrayList<BotMessage>();
      for (var message : messages) {
        replies =
            new ArrayList<>(
                http.retrieve(
                        HttpRequest.POST(
                                "/api/conversations/" + conversation.id() + "/messages",
                                Map.of("text", message))
                            .header("X-Conversation-Token", conversation.token()),
                        ChatResponse.class)
                    .replies());
      }
      var texts = replies.stream().map(BotMessage::text).toList();
      assertTrue(texts.stream().anyMatch(t -> t.contains("isn't available")), texts.toString());
      assertEquals(ReplyType.HANDOFF, replies.get(replies.size() - 1).type(), texts.toString());
      assertFalse(String.join("\n", texts).contains("emailed"), "no code was sent: " + texts);
    }
  }

  private static int codesRecorded(EmbeddedServer server) throws Exception {
    var url =
        server
            .getApplicationContext()
            .getProperty("datasources.default.url", String.class)
            .orElseThrow();
    try (var connection = DriverManager.getConnection(url, "sa", "");
        var rows =
            connection.createStatement().executeQuery("select count(*) from flow_verification")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
