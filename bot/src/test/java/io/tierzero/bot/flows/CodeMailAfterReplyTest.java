package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowChat.assertQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import io.tierzero.bot.chat.BotMessage;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A reset for a real account answers without waiting for the mail server, as one for an unknown
 * name does (which sends nothing), so the reply's timing cannot tell the two apart. Shown with a
 * mail server that stalls: the reply comes while the code mail is still held, and the mail is
 * delivered once the server answers.
 */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeMailAfterReplyTest implements TestPropertyProvider {
  private final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  private StalledSmtp stalled;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    smtp.start();
    try {
      stalled = new StalledSmtp(smtp.getSmtp().getPort());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var properties = FlowChat.properties();
    properties.put("tierzero.mail.embedded.enabled", "false");
    properties.put("tierzero.mail.host", "127.0.0.1");
    properties.put("tierzero.mail.port", String.valueOf(stalled.port()));
    // Longer than the test waits for the reply: a send inside the request would hold it.
    properties.put("tierzero.mail.timeout", "60s");
    return properties;
  }

  @AfterAll
  void stop() throws Exception {
    stalled.close();
    smtp.stop();
  }

  @Test
  void the_reply_for_a_real_account_does_not_wait_for_the_mail_server() throws Exception {
    var known = new FlowChat(client);
    var unknown = new FlowChat(client);
    known.last("I forgot my password");
    unknown.last("I forgot my password");

    BotMessage reply;
    try {
      reply = CompletableFuture.supplyAsync(() -> known.last("alice")).get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the reply waited for the stalled mail server");
    }
    assertQuestion(reply, "code");
    var unknownReply = unknown.last("nobody-by-this-name");
    assertEquals(unknownReply.text(), reply.text());
    assertEquals(
        0, smtp.getReceivedMessages().length, "the mail went out before the server answered");

    // Once the server answers, the code that was promised arrives.
    stalled.release();
    assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the code mail was lost");
    var mail = smtp.getReceivedMessages()[0];
    assertEquals("alice@example.com", mail.getAllRecipients()[0].toString());
    assertTrue(
        GreenMailUtil.getBody(mail).matches("(?s).*\\b\\d{6}\\b.*"), GreenMailUtil.getBody(mail));
    assertTrue(stalled.accepted() >= 1);
  }
}
