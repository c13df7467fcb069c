package io.tierzero.bot.mail;

/** The mail server could not be reached or did not accept the message. */
public final class MailException extends RuntimeException {
  public MailException(String message, Throwable cause) {
    super(message, cause);
  }
}
