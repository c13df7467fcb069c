package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowChat.assertQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFReader;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatService;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.identity.DirectoryConfiguration;
import io.tierzero.bot.tickets.FlowEscalations;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A flow's action talks to the directory after the turn so far is committed, not inside its
 * transaction: while a slow directory keeps the action waiting, the user's message and the flow's
 * place are in the database for any connection to read, and the conversation takes another message
 * at once. A failure is still told to the user and handed to a person, and a turn cut off during
 * its action (the process killed) leaves a run the next message hands to a person.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionsOutsideTheTurnTest implements TestPropertyProvider {
  private final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  private final SlowSearch slow = new SlowSearch();
  private InMemoryDirectoryServer directory;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject DataSource dataSource;
  @Inject ChatService chatService;
  @Inject FlowEscalations escalations;

  @Override
  public Map<String, String> getProperties() {
    smtp.start();
    startDirectory();
    var properties = FlowChat.properties();
    properties.put("tierzero.directory.url", "ldap://127.0.0.1:" + directory.getListenPort());
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put("tierzero.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    properties.put("tierzero.flows.codes-per-hour", "50");
    return properties;
  }

  /** Holds the directory search for one login until the test lets it go, or fails it. */
  private static final class SlowSearch extends InMemoryOperationInterceptor {
    private volatile String login;
    private volatile boolean fail;
    volatile CountDownLatch reached = new CountDownLatch(1);
    volatile CountDownLatch release = new CountDownLatch(1);

    /** The next search for {@code login} waits for {@link #release}, then fails or goes on. */
    synchronized void arm(String login, boolean fail) {
      reached = new CountDownLatch(1);
      release = new CountDownLatch(1);
      this.fail = fail;
      this.login = login;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request)
        throws LDAPException {
      var wanted = login;
      if (wanted == null || !request.getRequest().getFilter().toString().contains(wanted)) return;
      login = null;
      reached.countDown();
      try {
        // Less than the bot's response timeout, so the wait alone is no failure.
        release.await(4, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // A refusal that leaves the connection usable: the bot's pool does not retry it elsewhere.
      if (fail) throw new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "refused");
    }
  }

  private void startDirectory() {
    try {
      var config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig(
              "ldap", InetAddress.getLoopbackAddress(), 0, null));
      config.setSchema(null);
      config.addAdditionalBindCredentials(
          DirectoryConfiguration.DEFAULT_BIND_DN, DirectoryConfiguration.DEMO_BIND_PASSWORD);
      config.addInMemoryOperationInterceptor(slow);
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

  @AfterAll
  void stopServers() {
    directory.shutDown(true);
    smtp.stop();
  }

  /** A connection of its own, not the one of a transaction the bot may have open. */
  private java.sql.Connection ownConnection() throws java.sql.SQLException {
    var raw = dataSource;
    while (raw instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource delegating)
      raw = delegating.getTargetDataSource();
    return raw.getConnection();
  }

  /** The messages of the conversation as another connection sees them: committed ones only. */
  private List<String> committedMessages(String conversationId) throws Exception {
    try (var connection = ownConnection();
        var statement =
            connection.prepareStatement(
                "select body from chat_message where conversation_id = ? order by seq")) {
      statement.setString(1, conversationId);
      var out = new java.util.ArrayList<String>();
      try (var rows = statement.executeQuery()) {
        while (rows.next()) out.add(rows.getString(1));
      }
      return out;
    }
  }

  private CompletableFuture<List<BotMessage>> sendInBackground(FlowChat chat, String text) {
    return CompletableFuture.supplyAsync(() -> chat.send(text));
  }

  @Test
  void a_slow_directory_holds_neither_the_conversation_nor_its_transaction() throws Exception {
    var chat = new FlowChat(client);
    chat.last("I forgot my password");
    slow.arm("alice", false);

    var answer = sendInBackground(chat, "alice");
    assertTrue(slow.reached.await(10, TimeUnit.SECONDS), "the directory was never asked");

    // The action waits on the directory: what the turn did so far is committed.
    assertTrue(committedMessages(chat.conversation.id()).contains("alice"));
    // And the conversation is not locked: another message is answered while the action runs
    // (straight to the service: the HTTP server's thread is the one waiting on the directory).
    var meanwhile =
        assertTimeoutPreemptively(
            Duration.ofSeconds(3),
            () ->
                chatService
                    .send(chat.conversation.id(), chat.conversation.token(), "hello?")
                    .orElseThrow());
    assertTrue(meanwhile.getLast().text().contains("still working"), meanwhile.toString());
    assertFalse(answer.isDone(), "the action did not wait for the directory");

    slow.release.countDown();
    var replies = answer.get(30, TimeUnit.SECONDS);
    assertQuestion(replies.getLast(), "code");
  }

  @Test
  void a_directory_that_fails_after_a_wait_is_reported_as_before() throws Exception {
    var chat = new FlowChat(client);
    chat.last("I'm locked out of my account");
    slow.arm("bob@example.com", true);

    var answer = sendInBackground(chat, "bob@example.com");
    assertTrue(slow.reached.await(10, TimeUnit.SECONDS), "the directory was never asked");
    assertTrue(committedMessages(chat.conversation.id()).contains("bob@example.com"));
    slow.release.countDown();

    var replies = answer.get(30, TimeUnit.SECONDS);
    var texts = replies.stream().map(BotMessage::text).toList();
    assertTrue(texts.stream().anyMatch(t -> t.contains("isn't available")), texts.toString());
    assertEquals(ReplyType.HANDOFF, replies.getLast().type(), texts.toString());
  }

  @Test
  void a_turn_cut_off_during_its_action_is_handed_to_a_person() throws Exception {
    var chat = new FlowChat(client);
    chat.last("I forgot my password");
    assertQuestion(chat.last("carol"), "code");
    // What a process killed while send_code ran leaves: the run at the action, marked pending.
    try (var connection = ownConnection();
        var statement =
            connection.prepareStatement(
                "update flow_state set step_id = 'send',"
                    + " data = replace(data, '\"tried\":', '\"pending\":\"cut-off\",\"tried\":'),"
                    + " updated_at = ? where conversation_id = ?")) {
      statement.setTimestamp(
          1, Timestamp.from(Instant.now().minus(FlowEngine.PENDING_TIMEOUT).minusSeconds(5)));
      statement.setString(2, chat.conversation.id());
      assertEquals(1, statement.executeUpdate());
    }

    var replies = chat.send("123456");

    assertEquals(ReplyType.HANDOFF, replies.getLast().type(), replies.toString());
    var recorded = escalations.latest(chat.conversation.id());
    assertNotNull(recorded.orElse(null));
    assertTrue(
        recorded.get().context().reason().contains("interrupted"),
        recorded.get().context().reason());
  }
}
