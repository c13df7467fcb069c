package io.tierzero.bot.mail;

/** Sends email; the bot uses it for one-time verification codes. */
public interface MailSender {
  /** Sends {@code mail} now; throws {@link MailException} when the server does not take it. */
  void send(OutgoingMail mail);

  /** Whether there is a mail server to send to at all; false means every send would fail. */
  boolean available();
}
