package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The email sink against a real SMTP server started by the test. */
class EmailSinkTest {
  private GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void a_ticket_is_mailed_to_the_helpdesk_with_the_transcript_attached() throws Exception {
    var properties = new HashMap<String, Object>(TicketsTestApp.properties());
    properties.put("micronaut.server.port", "-1");
    properties.put("tierzero.tickets.email.to", "servicedesk@example.com");
    properties.put("tierzero.tickets.email.from", "tierzero@example.com");
    properties.put("tierzero.tickets.email.host", "127.0.0.1");
    properties.put("tierzero.tickets.email.port", Integer.toString(smtp.getSmtp().getPort()));
    properties.put("tierzero.tickets.outbox.poll-interval", "50ms");
    properties.put("tierzero.tickets.outbox.initial-delay", "0ms");

    try (var bot = ApplicationContext.run(EmbeddedServer.class, properties);
        var client = HttpClient.create(bot.getURL())) {
      var c = TicketsTestApp.start(client, Map.of());
      send(client, c, "the whole team lost access to the shared drive");
      send(client, c, "talk to a person");
      var receipt =
          client
              .toBlocking()
              .retrieve(submit(c, form("Ana Lima", "ana@example.com", true)), TicketReceipt.class);

      // Generous bound: delivery is asynchronous; the assertion is that it happens.
      assertTrue(smtp.waitForIncomingEmail(60_000, 1), "no email arrived");
      var mail = smtp.getReceivedMessages()[0];
      assertEquals("servicedesk@example.com", mail.getAllRecipients()[0].toString());
      assertTrue(
          mail.getSubject().startsWith("[" + receipt.number() + "] P2 service-desk: "),
          mail.getSubject());
      assertEquals("ana@example.com", mail.getReplyTo()[0].toString());
      var key = mail.getHeader(EmailSink.IDEMPOTENCY_HEADER)[0];
      assertEquals("<" + key + "@tierzero>", mail.getMessageID());

      var parts = (MimeMultipart) mail.getContent();
      assertEquals(2, parts.getCount());
      assertTrue(
          parts.getBodyPart(0).getContent().toString().contains("the whole team lost access"));
      var attachment = parts.getBodyPart(1);
      assertEquals(Part.ATTACHMENT, attachment.getDisposition());
      assertEquals(receipt.number() + "-transcript.txt", attachment.getFileName());
      var out = new ByteArrayOutputStream();
      attachment.getDataHandler().writeTo(out);
      var transcript = out.toString(StandardCharsets.UTF_8);
      assertTrue(
          transcript.contains("User: the whole team lost access to the shared drive"), transcript);
      assertTrue(transcript.contains("Bot (handoff):"), transcript);
    }
  }
}
