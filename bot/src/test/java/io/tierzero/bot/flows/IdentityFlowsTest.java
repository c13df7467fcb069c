package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowChat.assertQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.demo.EmbeddedDirectory;
import io.tierzero.bot.identity.DirectoryConfiguration;
import io.tierzero.bot.tickets.FlowEscalations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The identity flows end to end over HTTP: codes go by SMTP to a mail server this test runs, and
 * the results are checked with real LDAP binds against the bot's directory (the demo one).
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityFlowsTest implements TestPropertyProvider {
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedDirectory directory;
  @Inject FlowEscalations escalations;
  @Inject javax.sql.DataSource dataSource;
  @Inject io.tierzero.bot.mail.MailOutbox outbox;

  @Override
  public Map<String, String> getProperties() {
    smtp.start();
    var properties = FlowChat.properties();
    // Production wiring: a configured SMTP server (the test's), not the embedded one.
    properties.put("tierzero.mail.embedded.enabled", "false");
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put("tierzero.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    // Several tests verify the same demo users; the hourly cap has its own tests.
    properties.put("tierzero.flows.codes-per-hour", "50");
    properties.put("tierzero.flows.code-guesses-per-minute", "1000");
    return properties;
  }

  @AfterAll
  void stopSmtp() {
    smtp.stop();
  }

  /** Code mail goes out after the reply (MailOutbox): wait for it before reading the mailbox. */
  private void mailSent() throws InterruptedException {
    assertTrue(outbox.awaitIdle(java.time.Duration.ofSeconds(30)), "mail still queued");
  }

  /** The newest message to {@code address}. */
  private MimeMessage latestTo(String address) throws Exception {
    mailSent();
    MimeMessage latest = null;
    for (var message : smtp.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address)))
        latest = message;
    }
    assertNotNull(latest, "no mail to " + address);
    return latest;
  }

  private int mailsTo(String address) throws Exception {
    mailSent();
    int count = 0;
    for (var message : smtp.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address)))
        count++;
    }
    return count;
  }

  /** The code in the newest message to {@code address}. */
  private String codeSentTo(String address) throws Exception {
    var latest = latestTo(address);
    var matcher = CODE.matcher(GreenMailUtil.getBody(latest));
    assertTrue(matcher.find(), "no code in the mail");
    return matcher.group(1);
  }

  private void bind(String user, String password) throws LDAPException {
    try (var connection = new LDAPConnection("127.0.0.1", directory.port())) {
      connection.bind("uid=" + user + ",ou=people,dc=example,dc=com", password);
    }
  }

  /** A connection bound as the bot's service account: the directory answers nobody else. */
  private LDAPConnection asService() throws LDAPException {
    return new LDAPConnection(
        "127.0.0.1",
        directory.port(),
        DirectoryConfiguration.DEFAULT_BIND_DN,
        DirectoryConfiguration.DEMO_BIND_PASSWORD);
  }

  private static void assertBindFails(IdentityFlowsTest test, String user, String password) {
    var e = assertThrows(LDAPException.class, () -> test.bind(user, password));
    assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
  }

  @Test
  void a_full_password_reset_changes_the_password_in_the_directory() throws Exception {
    var chat = new FlowChat(client);
    assertQuestion(chat.last("I forgot my password"), "text");
    var codeQuestion = chat.last("alice");
    assertQuestion(codeQuestion, "code");
    assertFalse(codeQuestion.text().contains("@example.com"), codeQuestion.text());
    var mail = latestTo("alice@example.com");
    assertTrue(
        GreenMailUtil.getBody(mail).contains("set a new password for the account alice"),
        GreenMailUtil.getBody(mail));
    assertTrue(
        GreenMailUtil.getBody(mail).contains("report this email to the IT Service Desk"),
        GreenMailUtil.getBody(mail));

    assertQuestion(chat.last(codeSentTo("alice@example.com")), "secret");
    var tooShort = chat.send("short");
    assertTrue(tooShort.get(0).text().contains("too short"), tooShort.get(0).text());
    assertQuestion(tooShort.get(tooShort.size() - 1), "secret");
    // Long enough, still guessed at once: refused with the reason, asked again, never echoed.
    for (var weak : List.of("aaaaaaaaaaaa", "password1234", "qwertyuiop12")) {
      var refused = chat.send(weak);
      var said = refused.stream().map(BotMessage::text).toList();
      assertTrue(refused.get(0).text().contains("too easy to guess"), weak + ": " + said);
      assertTrue(
          refused.get(0).text().length()
              > "That password is too easy to guess. Type a different one.".length(),
          "no hint for " + weak + ": " + said);
      assertQuestion(refused.get(refused.size() - 1), "secret");
      assertFalse(String.join(" ", said).contains(weak), "echoed: " + said);
      bind("alice", "Alice-Demo-2026");
    }
    var done = chat.last("Bright-Morning-Tea-2027");

    assertEquals(ReplyType.FLOW_STEP, done.type(), done.text());
    assertTrue(done.text().contains("password has been changed"), done.text());
    assertFalse(done.text().contains("unlocked"), "alice was never locked: " + done.text());
    bind("alice", "Bright-Morning-Tea-2027");
    assertBindFails(this, "alice", "Alice-Demo-2026");

    // The directory keeps the new password hashed, shows it to no anonymous reader, takes no
    // anonymous write.
    try (var anonymous = new LDAPConnection("127.0.0.1", directory.port())) {
      var search =
          assertThrows(
              LDAPException.class,
              () ->
                  anonymous.search(
                      "ou=people,dc=example,dc=com",
                      SearchScope.SUB,
                      "(uid=alice)",
                      "userPassword"));
      assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, search.getResultCode());
      var write =
          assertThrows(
              LDAPException.class,
              () ->
                  anonymous.modify(
                      "uid=alice,ou=people,dc=example,dc=com",
                      new Modification(
                          ModificationType.REPLACE, "userPassword", "Anonymous-Write-2027")));
      assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, write.getResultCode());
    }
    try (var service = asService()) {
      var stored =
          service
              .getEntry("uid=alice,ou=people,dc=example,dc=com", "userPassword")
              .getAttributeValues("userPassword");
      assertEquals(1, stored.length);
      assertFalse(stored[0].contains("Bright-Morning-Tea-2027"), stored[0]);
      assertTrue(stored[0].startsWith("{SSHA256}"), stored[0]);
    }
    bind("alice", "Bright-Morning-Tea-2027");
  }

  @Test
  void a_reset_on_a_locked_account_also_unlocks_it_and_says_so() throws Exception {
    try (var service = asService()) {
      service.add(
          new Entry(
              "uid=erin,ou=people,dc=example,dc=com",
              new Attribute("objectClass", "inetOrgPerson"),
              new Attribute("uid", "erin"),
              new Attribute("cn", "Erin Evans"),
              new Attribute("sn", "Evans"),
              new Attribute("mail", "erin@example.com"),
              new Attribute("userPassword", "Erin-Demo-2026"),
              new Attribute("pwdAccountLockedTime", "20261201080000Z")));
    }
    assertBindFails(this, "erin", "Erin-Demo-2026");
    var chat = new FlowChat(client);
    chat.last("I forgot my password");
    assertQuestion(chat.last("erin"), "code");
    assertQuestion(chat.last(codeSentTo("erin@example.com")), "secret");

    var done = chat.last("Quiet-River-Lamp-2027");

    assertEquals(ReplyType.FLOW_STEP, done.type(), done.text());
    assertTrue(done.text().contains("password has been changed"), done.text());
    assertTrue(done.text().contains("is unlocked"), done.text());
    bind("erin", "Quiet-River-Lamp-2027");
    try (var service = asService()) {
      assertNull(
          service
              .getEntry("uid=erin,ou=people,dc=example,dc=com", "pwdAccountLockedTime")
              .getAttribute("pwdAccountLockedTime"));
    }
  }

  @Test
  void a_locked_account_is_unlocked_after_verification() throws Exception {
    assertBindFails(this, "bob", "Bob-Demo-2026");
    var chat = new FlowChat(client);
    chat.last("I'm locked out of my account");
    assertQuestion(chat.last("bob@example.com"), "code");

    var done = chat.last(codeSentTo("bob@example.com"));

    assertEquals(ReplyType.FLOW_STEP, done.type(), done.text());
    assertTrue(done.text().contains("unlocked"), done.text());
    bind("bob", "Bob-Demo-2026");
  }

  @Test
  void mfa_is_reset_after_verification() throws Exception {
    var chat = new FlowChat(client);
    assertQuestion(chat.last("I got a new phone, reset my mfa"), "choice");
    chat.last("I have a new phone");
    chat.last("carol");

    var done = chat.last(codeSentTo("carol@example.com"));

    assertTrue(done.text().contains("old MFA registration is removed"), done.text());
    try (var connection = asService()) {
      var entry = connection.getEntry("uid=carol,ou=people,dc=example,dc=com", "mfaDevice", "uid");
      assertNotNull(entry);
      assertNull(entry.getAttribute("mfaDevice"));
    }
  }

  @Test
  void a_wrong_code_three_times_escalates_and_changes_nothing() throws Exception {
    var chat = new FlowChat(client);
    chat.last("forgot password");
    assertQuestion(chat.last("carol"), "code");
    var real = codeSentTo("carol@example.com");
    var wrong = real.equals("000000") ? "111111" : "000000";

    var first = chat.send(wrong);
    assertTrue(first.get(0).text().contains("Attempts left: 2"), first.get(0).text());
    chat.send(wrong);
    var last = chat.last(wrong);

    assertEquals(ReplyType.HANDOFF, last.type(), last.text());
    var escalation = escalations.latest(chat.conversation.id()).orElseThrow();
    assertEquals("verify_failed", escalation.context().stepReached());
    assertEquals(
        "P3",
        escalation.context().priority().name(),
        "blocked, as the priority table has it: nothing says the account is someone else's");
    assertTrue(escalation.toString().contains("exhausted"), escalation.toString());
    assertFalse(escalation.toString().contains(wrong), "codes are never kept: " + escalation);
    // The right code no longer helps: the flow is over and the code is spent.
    assertEquals(ReplyType.TEXT, chat.last("thanks").type());
    bind("carol", "Carol-Demo-2026");
  }

  /**
   * What a visitor sees for a name, up to and including three wrong codes: each reply's type, text,
   * options, input and form, in order. Codes typed are wrong for whoever owns the name.
   */
  private List<String> seenFor(String trigger, List<String> before, String name, String email)
      throws Exception {
    var chat = new FlowChat(client);
    var seen = new ArrayList<String>();
    for (var text : concat(List.of(trigger), before, List.of(name)))
      seen.addAll(shown(chat.send(text)));
    var real = email == null ? "" : codeSentTo(email);
    var wrong = real.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 3; i++) seen.addAll(shown(chat.send(wrong)));
    return seen;
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    var all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }

  private static List<String> shown(List<BotMessage> replies) {
    return replies.stream()
        // The form's action names the conversation, which differs anyway; its fields must not.
        .map(
            r ->
                r.type()
                    + " | "
                    + r.text()
                    + " | "
                    + r.options()
                    + " | "
                    + r.input()
                    + " | "
                    + (r.form() == null ? null : r.form().fields()))
        .toList();
  }

  @Test
  void every_name_gets_the_same_replies_until_the_code_is_verified() throws Exception {
    var flows =
        Map.of(
            "I forgot my password", List.<String>of(),
            "I'm locked out of my account", List.<String>of(),
            "reset my mfa", List.of("I have a new phone"));
    for (var flow : flows.entrySet()) {
      int aliceMails = mailsTo("alice@example.com");
      var existing = seenFor(flow.getKey(), flow.getValue(), "alice", "alice@example.com");
      assertEquals(aliceMails + 1, mailsTo("alice@example.com"), "alice is sent a code");
      var byEmail =
          seenFor(flow.getKey(), flow.getValue(), "alice@example.com", "alice@example.com");
      var unknown = seenFor(flow.getKey(), flow.getValue(), "nobody-here", null);
      var unknownEmail = seenFor(flow.getKey(), flow.getValue(), "nobody@example.com", null);
      var withoutEmail = seenFor(flow.getKey(), flow.getValue(), "dave", null);
      var locked = seenFor(flow.getKey(), flow.getValue(), "bob", "bob@example.com");

      var codeStep = existing.get(existing.size() - 7);
      assertTrue(
          codeStep.contains("If that account exists and has an email on file")
              && codeStep.contains("type=code"),
          String.join("\n", existing));
      assertTrue(existing.getLast().startsWith("HANDOFF"), existing.getLast());
      assertEquals(existing, byEmail, flow.getKey() + ": username and email");
      assertEquals(existing, unknown, flow.getKey() + ": unknown name");
      assertEquals(existing, unknownEmail, flow.getKey() + ": unknown email");
      assertEquals(existing, withoutEmail, flow.getKey() + ": no email on file");
      assertEquals(existing, locked, flow.getKey() + ": locked account");
      for (var reply : existing) {
        assertFalse(
            reply.contains("alice")
                || reply.contains("***")
                || reply.contains("locked") && !reply.contains("unlock"),
            reply);
      }
    }
  }

  @Test
  void the_lock_state_is_told_only_after_the_code() throws Exception {
    var chat = new FlowChat(client);
    chat.last("unlock my account");
    chat.last("carol@example.com");

    var notLocked = chat.send(codeSentTo("carol@example.com"));

    assertTrue(
        notLocked.get(0).text().contains("the account carol is not locked"),
        notLocked.get(0).text());
  }

  @Test
  void a_ticket_after_the_code_marks_the_proven_email_verified_and_any_other_not()
      throws Exception {
    var proven = new FlowChat(client);
    proven.last("unlock my account");
    proven.last("carol");
    proven.last(codeSentTo("carol@example.com"));
    assertEquals(
        ReplyType.HANDOFF, proven.last("no").type(), "not locked and still failing: a person");
    var other = new FlowChat(client);
    other.last("unlock my account");
    other.last("carol");
    other.last(codeSentTo("carol@example.com"));
    other.last("no");

    raiseTicket(proven, "carol@example.com");
    raiseTicket(other, "ceo@example.com");

    assertEquals(Boolean.TRUE, requesterVerified(proven));
    assertEquals(Boolean.FALSE, requesterVerified(other));
  }

  private void raiseTicket(FlowChat chat, String email) {
    client
        .toBlocking()
        .exchange(
            io.micronaut.http.HttpRequest.POST(
                    "/api/conversations/" + chat.conversation.id() + "/ticket",
                    Map.of("name", "Carol", "email", email, "consent", true))
                .header("X-Conversation-Token", chat.conversation.token()));
  }

  private Boolean requesterVerified(FlowChat chat) throws Exception {
    var raw = dataSource;
    while (raw instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource delegating)
      raw = delegating.getTargetDataSource();
    try (var connection = raw.getConnection();
        var query =
            connection.prepareStatement(
                "select requester_verified from ticket where conversation_id = ?")) {
      query.setString(1, chat.conversation.id());
      try (var rows = query.executeQuery()) {
        return rows.next() ? rows.getBoolean(1) : null;
      }
    }
  }
}
