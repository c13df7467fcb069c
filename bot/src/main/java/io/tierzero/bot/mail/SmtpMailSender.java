package io.tierzero.bot.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends mail over SMTP with Jakarta Mail: to the configured server, or the embedded demo one (demo
 * environment only).
 */
@Singleton
public class SmtpMailSender implements MailSender {
  private final MailConfiguration config;
  private final @Nullable LocalMailServer embedded;

  public SmtpMailSender(MailConfiguration config, @Nullable LocalMailServer embedded) {
    this.config = config;
    this.embedded = embedded;
  }

  @Override
  public boolean available() {
    return !config.host().isBlank() || embedded != null;
  }

  @Override
  public void send(OutgoingMail mail) {
    try {
      var message = new MimeMessage(session());
      message.setFrom(new InternetAddress(config.from()));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setText(mail.text(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      Transport.send(message);
    } catch (MessagingException e) {
      throw new MailException("Sending mail failed: " + e.getMessage(), e);
    }
  }

  /**
   * A session on the same server {@link #send} uses, for mail that needs more than {@link
   * OutgoingMail} holds (the email channel's replies, with thread headers and an HTML part).
   */
  public Session session() {
    boolean useEmbedded = config.host().isBlank() && embedded != null;
    if (!useEmbedded && config.host().isBlank()) {
      throw new MailException(
          "No mail server configured: set " + MailConfiguration.PREFIX + ".host", null);
    }
    var props = new Properties();
    props.put("mail.smtp.host", useEmbedded ? "127.0.0.1" : config.host());
    props.put("mail.smtp.port", String.valueOf(useEmbedded ? embedded.port() : config.port()));
    String timeout = String.valueOf(config.timeout().toMillis());
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    if (!useEmbedded && config.startTls()) props.put("mail.smtp.starttls.required", "true");
    props.put("mail.smtp.starttls.enable", String.valueOf(!useEmbedded && config.startTls()));
    if (!useEmbedded && !config.username().isBlank()) {
      props.put("mail.smtp.auth", "true");
      return Session.getInstance(
          props,
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(config.username(), config.password());
            }
          });
    }
    return Session.getInstance(props);
  }
}
