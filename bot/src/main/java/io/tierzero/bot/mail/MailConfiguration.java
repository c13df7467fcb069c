package io.tierzero.bot.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The SMTP server outgoing mail goes to.
 *
 * @param host empty sends to the embedded demo server (the demo's {@code EmbeddedMailServer}) in
 *     the demo environment; elsewhere no mail can be sent and the flows that need it hand over to a
 *     person
 * @param username empty for no SMTP authentication
 * @param startTls require STARTTLS (port 587 servers)
 * @param from the sender of every message
 * @param timeout connect and read timeout: a slow mail server must not hold a chat turn long
 */
@ConfigurationProperties(MailConfiguration.PREFIX)
public record MailConfiguration(
    @Bindable(defaultValue = "") String host,
    @Bindable(defaultValue = "25") int port,
    @Bindable(defaultValue = "") String username,
    @Bindable(defaultValue = "") String password,
    @Bindable(defaultValue = "false") boolean startTls,
    @Bindable(defaultValue = DEFAULT_FROM) String from,
    @Bindable(defaultValue = "10s") Duration timeout) {
  public static final String PREFIX = "tierzero.mail";
  public static final String DEFAULT_FROM = "Tier Zero IT Support <it-support@example.com>";
}
