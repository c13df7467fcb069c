package io.tierzero.bot.mail;

/**
 * An SMTP server running beside the bot on the loopback interface, used when no {@code
 * tierzero.mail.host} is configured: the demo's embedded one. Mail depends on this, not on the
 * demo, so the demo can be left out.
 */
public interface LocalMailServer {
  /** Its port on 127.0.0.1. */
  int port();
}
