package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hourly cap on codes per person, raced by parallel conversations over HTTP, and the owner who
 * already proved a code getting through although others spent the person's codes.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeCapTest implements TestPropertyProvider {
  static final int CAP = 3;
  static final int RACERS = 12;
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    smtp.start();
    var properties = FlowChat.properties();
    properties.put("tierzero.mail.embedded.enabled", "false");
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put("tierzero.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    properties.put("tierzero.flows.codes-per-hour", String.valueOf(CAP));
    properties.put("tierzero.security.rate-limits.enabled", "false");
    return properties;
  }

  @AfterAll
  void stopSmtp() {
    smtp.stop();
  }

  @Inject io.tierzero.bot.mail.MailOutbox outbox;

  private List<MimeMessage> mailsTo(String address) throws Exception {
    // Code mail goes out after the reply (MailOutbox): count what was sent, not what is queued.
    assertTrue(outbox.awaitIdle(java.time.Duration.ofSeconds(30)), "mail still queued");
    var found = new ArrayList<MimeMessage>();
    for (var message : smtp.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address)))
        found.add(message);
    }
    return found;
  }

  private String latestCode(String address) throws Exception {
    var mails = mailsTo(address);
    var matcher = CODE.matcher(GreenMailUtil.getBody(mails.getLast()));
    assertTrue(matcher.find());
    return matcher.group(1);
  }

  @Test
  void parallel_conversations_never_get_more_than_the_cap_and_the_proven_owner_still_gets_a_code()
      throws Exception {
    // The owner proves a code first, in a conversation of their own: one of the hour's codes.
    var owner = new FlowChat(client);
    owner.last("reset my mfa");
    owner.last("I have a new phone");
    owner.last("carol");
    var done = owner.last(latestCode("carol@example.com"));
    assertTrue(done.text().contains("old MFA registration is removed"), done.text());
    assertEquals(1, mailsTo("carol@example.com").size());

    // Everyone else races for carol's remaining codes at the same moment.
    var chats = new ArrayList<FlowChat>();
    for (int i = 0; i < RACERS; i++) {
      var chat = new FlowChat(client);
      chat.last("I forgot my password");
      chats.add(chat);
    }
    var barrier = new CyclicBarrier(RACERS);
    var pool = Executors.newFixedThreadPool(RACERS);
    try {
      var replies = new ArrayList<Future<String>>();
      for (var chat : chats) {
        replies.add(
            pool.submit(
                () -> {
                  barrier.await();
                  return chat.last("carol").text();
                }));
      }
      for (var reply : replies) {
        assertTrue(reply.get().contains("If that account exists"), reply.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(CAP, mailsTo("carol@example.com").size(), "codes emailed to carol in the hour");

    // The cap is spent, but the owner who proved a code in their conversation gets a new one.
    owner.last("I'm locked out of my account");
    owner.last("carol");
    assertEquals(CAP + 1, mailsTo("carol@example.com").size());
    var mail = GreenMailUtil.getBody(mailsTo("carol@example.com").getLast());
    assertTrue(mail.contains("can unlock the account carol"), mail);
    var notLocked = owner.send(latestCode("carol@example.com"));
    assertNotNull(notLocked);
    assertTrue(
        notLocked.get(0).text().contains("the account carol is not locked"),
        notLocked.get(0).text());

    // Someone else asking now still gets no code.
    var other = new FlowChat(client);
    other.last("I forgot my password");
    other.last("carol");
    assertEquals(CAP + 1, mailsTo("carol@example.com").size());
  }
}
