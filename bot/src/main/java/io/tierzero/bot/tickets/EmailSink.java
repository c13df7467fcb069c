package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.Requires;
import jakarta.activation.DataHandler;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Mails each ticket to a helpdesk address over SMTP: the description as the body, the full
 * conversation as a readable text attachment. A change the requester makes later (a note, closing
 * it) is a plain-text reply in the same thread. The {@code Message-ID} is derived from the
 * idempotency key, so a helpdesk (or mail server) that deduplicates by it sees a retry as the same
 * message; the key is also in {@value #IDEMPOTENCY_HEADER}.
 */
@Singleton
@Requires(property = EmailConfiguration.PREFIX + ".to")
public final class EmailSink implements TicketSink {
  public static final String IDEMPOTENCY_HEADER = "X-TierZero-Idempotency-Key";

  private final EmailConfiguration config;
  private final TicketTexts texts;
  private final Session session;

  EmailSink(EmailConfiguration config, TicketTexts texts) {
    this.config = config;
    this.texts = texts;
    var props = new Properties();
    props.put("mail.smtp.host", config.host());
    props.put("mail.smtp.port", Integer.toString(config.port()));
    props.put("mail.smtp.connectiontimeout", Long.toString(config.timeout().toMillis()));
    props.put("mail.smtp.timeout", Long.toString(config.timeout().toMillis()));
    props.put("mail.smtp.writetimeout", Long.toString(config.timeout().toMillis()));
    props.put("mail.smtp.auth", Boolean.toString(config.username() != null));
    if (config.startTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    this.session = Session.getInstance(props);
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void deliver(TicketMessage message, int attempt) throws MessagingException {
    var t = message.ticket();
    var mail = new FixedIdMessage(session, "<" + message.idempotencyKey() + "@tierzero>");
    mail.setFrom(new InternetAddress(config.from()));
    mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(config.to()));
    mail.setReplyTo(new InternetAddress[] {new InternetAddress(t.requester().email(), false)});
    mail.setHeader(IDEMPOTENCY_HEADER, message.idempotencyKey());
    if (message.update() != null) {
      // A change is a reply in the ticket's thread: helpdesks that file mail by thread (and mail
      // clients) put it with the ticket the first mail created.
      var first = "<" + t.id() + "@tierzero>";
      mail.setHeader("In-Reply-To", first);
      mail.setHeader("References", first);
      var kind = message.update().kind();
      var what =
          TicketChange.CLOSED.equals(kind)
              ? texts.get("tickets.mail.what.closed")
              : TicketChange.NOTE.equals(kind)
                  ? texts.get("tickets.mail.what.note")
                  : texts.get("tickets.mail.what.agent", kind, message.update().by());
      mail.setSubject(
          texts.get("tickets.mail.reply-subject", t.number(), what, t.subject()), "UTF-8");
      mail.setText(message.transcriptText(), "UTF-8");
      send(mail);
      return;
    }
    mail.setSubject(
        texts.get("tickets.mail.subject", t.number(), t.priority(), t.queue(), t.subject()),
        "UTF-8");

    var body = new MimeBodyPart();
    body.setText(
        t.description()
            + texts.get(
                "tickets.mail.body",
                t.requester().name(),
                t.requester().email(),
                t.priority(),
                t.priorityReason(),
                t.category(),
                t.queue(),
                t.number(),
                t.id()),
        "UTF-8");
    var transcript = new MimeBodyPart();
    transcript.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(
                message.transcriptText().getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=UTF-8")));
    transcript.setFileName(t.number() + "-transcript.txt");
    transcript.setDisposition(MimeBodyPart.ATTACHMENT);
    mail.setContent(new MimeMultipart(body, transcript));
    send(mail);
  }

  private void send(MimeMessage mail) throws MessagingException {
    if (config.username() != null) {
      Transport.send(mail, config.username(), config.password());
    } else {
      Transport.send(mail);
    }
  }

  /** Keeps the Message-ID set here instead of a new random one on every attempt. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
