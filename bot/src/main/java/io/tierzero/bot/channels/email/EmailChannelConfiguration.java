package io.tierzero.bot.channels.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The mailbox the email channel reads over IMAP. Without {@code imap-host} the channel is off: no
 * poller, no adapter. Replies go out through the SMTP server of {@code tierzero.mail}.
 *
 * @param imapSsl IMAP over TLS (port 993); false for plain IMAP (port 143, or a local test server)
 * @param mailbox the folder read; only its unread messages are taken, and each is marked read once
 *     answered
 * @param address the bot's own address: the From of its replies, and mail from it is never answered
 *     (loop prevention)
 * @param allowedDomains sender domains the bot answers (exact, case-insensitive); mail from any
 *     other domain is left alone. Empty answers nobody: an open mailbox must not send codes or
 *     raise tickets for the whole internet
 * @param pollInterval how often the mailbox is read; replies take up to this long
 */
@ConfigurationProperties(EmailChannelConfiguration.PREFIX)
public record EmailChannelConfiguration(
    @Nullable String imapHost,
    @Bindable(defaultValue = "993") int imapPort,
    @Bindable(defaultValue = "true") boolean imapSsl,
    @Bindable(defaultValue = "") String username,
    @Bindable(defaultValue = "") String password,
    @Bindable(defaultValue = "INBOX") String mailbox,
    @Bindable(defaultValue = "") String address,
    @Bindable(defaultValue = "") List<String> allowedDomains,
    @Bindable(defaultValue = DEFAULT_POLL_INTERVAL) Duration pollInterval) {
  public static final String PREFIX = "tierzero.channels.email";

  /** Half a minute: fast enough for a mail conversation, gentle on the IMAP server. */
  public static final String DEFAULT_POLL_INTERVAL = "30s";

  public EmailChannelConfiguration {
    allowedDomains =
        allowedDomains == null
            ? List.of()
            : allowedDomains.stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .toList();
    if (pollInterval.isNegative() || pollInterval.isZero())
      throw new IllegalArgumentException("pollInterval must be positive");
  }

  /** Whether mail from {@code address} may be answered. */
  boolean allowed(String address) {
    int at = address.lastIndexOf('@');
    return at > 0 && allowedDomains.contains(address.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * The adapter's key for conversation tokens; changing the mailbox password starts new
   * conversations.
   */
  byte[] tokenKey() {
    return ("email:" + username + ":" + password).getBytes(StandardCharsets.UTF_8);
  }

  /** The domain our own Message-IDs end with. */
  String idDomain() {
    int at = address.lastIndexOf('@');
    return at > 0 ? address.substring(at + 1) : "tierzero.invalid";
  }
}
