package io.tierzero.bot.channels.email;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.i18n.Messages;
import io.tierzero.bot.mail.MailConfiguration;
import io.tierzero.bot.mail.MailException;
import io.tierzero.bot.mail.SmtpMailSender;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the bot's replies by SMTP (the server of {@code tierzero.mail}) in the user's thread:
 * {@code In-Reply-To} the message answered, {@code References} the thread so far, the subject with
 * "Re:". Marked {@code Auto-Submitted: auto-replied} (RFC 3834), so other responders do not answer
 * it, and {@code X-Auto-Response-Suppress} so Exchange sends no out-of-office note back.
 */
@Singleton
@Requires(property = EmailChannelConfiguration.PREFIX + ".imap-host")
class ThreadReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadReplies.class);

  /** A mail server's hiccup should not lose a reply; more tries would hold the poller too long. */
  static final int ATTEMPTS = 3;

  static final Duration RETRY = Duration.ofSeconds(1);

  /** Where a reply goes: to whom, answering which message, in which thread. */
  record Target(
      String to,
      @Nullable String inReplyTo,
      List<String> references,
      String topic,
      String thread) {}

  private final SmtpMailSender smtp;
  private final InternetAddress from;
  private final MessageSource messages;

  ThreadReplies(
      SmtpMailSender smtp,
      EmailChannelConfiguration config,
      MailConfiguration mail,
      MessageSource messages) {
    this.messages = messages;
    this.smtp = smtp;
    try {
      this.from =
          new InternetAddress(config.address().isBlank() ? mail.from() : config.address(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          EmailChannelConfiguration.PREFIX + ".address is not an email address: " + e.getMessage(),
          e);
    }
    if (!smtp.available()) {
      LOG.warn(
          "The email channel reads its mailbox but no SMTP server is configured ({}.host): it"
              + " cannot reply",
          MailConfiguration.PREFIX);
    }
  }

  /** The bot's own address, lower case: mail from it is never answered. */
  String address() {
    return from.getAddress().toLowerCase(Locale.ROOT);
  }

  /** Sends the reply; false when the server did not take it after {@value #ATTEMPTS} tries. */
  boolean send(Target target, EmailRendering.Rendered rendered, String idDomain) {
    for (int attempt = 1; ; attempt++) {
      try {
        Transport.send(message(target, rendered, idDomain));
        return true;
      } catch (MessagingException | MailException e) {
        if (attempt == ATTEMPTS) {
          LOG.warn(
              "Reply to {} not sent after {} attempts: {}", target.to(), ATTEMPTS, e.getMessage());
          return false;
        }
      }
      try {
        Thread.sleep(RETRY.multipliedBy(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private MimeMessage message(Target target, EmailRendering.Rendered rendered, String idDomain)
      throws MessagingException {
    var messageId = OwnMessageIds.next(target.thread(), idDomain);
    var message =
        new MimeMessage(smtp.session()) {
          // Jakarta Mail would replace the Message-ID on saveChanges; ours carries the thread.
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(target.to(), true));
    message.setSubject(
        target.topic().isEmpty()
            ? Messages.text(messages, "channels.email.subject")
            : "Re: " + target.topic(),
        StandardCharsets.UTF_8.name());
    if (target.inReplyTo() != null) message.setHeader("In-Reply-To", target.inReplyTo());
    if (!target.references().isEmpty())
      message.setHeader("References", String.join(" ", target.references()));
    message.setHeader("Auto-Submitted", "auto-replied");
    message.setHeader("X-Auto-Response-Suppress", "All");
    message.setSentDate(new Date());
    var text = new MimeBodyPart();
    text.setText(rendered.text(), StandardCharsets.UTF_8.name());
    var html = new MimeBodyPart();
    html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    return message;
  }
}
