package io.tierzero.bot.channels.email;

import io.micronaut.core.annotation.Nullable;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mail the bot must not answer, and why: answering an out-of-office note or a bounce starts a loop
 * of machines writing to each other (RFC 3834 asks responders to stay silent), and our own replies
 * come back when the bot's address is on a list or copied.
 */
final class IgnoredMail {
  /**
   * Subjects of auto-replies from clients that set none of the headers (older Exchange, webmail).
   */
  private static final Pattern AUTO_SUBJECT =
      Pattern.compile(
          "(?i)^\\s*(out of (the )?office|automatic reply|auto(matic)?[-"
              + " ]?reply|autoreply|auto:|abwesenheitsnotiz|vacation"
              + " reply|undeliverable|undelivered mail|delivery status notification|mail delivery"
              + " (failed|system)|returned mail)\\b.*");

  private static final Pattern DAEMON =
      Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon)@.*");

  private IgnoredMail() {}

  /** Why {@code message} from {@code mail.from()} is not answered; empty when it is. */
  static Optional<String> reason(
      MimeMessage message, InboundMail mail, EmailChannelConfiguration config, String ownAddress)
      throws MessagingException {
    if (mail.from().isEmpty()) return Optional.of("no sender address");
    if (mail.from().equalsIgnoreCase(ownAddress) || mail.from().equalsIgnoreCase(config.address()))
      return Optional.of("our own mail");
    if (OwnMessageIds.isOurs(mail.messageId())) return Optional.of("our own mail");
    // Bounces: the null reverse path, a mailer daemon, a delivery report.
    var returnPath = header(message, "Return-Path");
    if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>"))
      return Optional.of("a bounce (empty Return-Path)");
    if (DAEMON.matcher(mail.from()).matches()) return Optional.of("a bounce (" + mail.from() + ")");
    if (message.isMimeType("multipart/report")) return Optional.of("a delivery or read report");
    // Auto-replies: RFC 3834's header, the older vendor ones, list and bulk mail.
    var autoSubmitted = header(message, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no"))
      return Optional.of("auto-submitted");
    if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null)
      return Optional.of("an auto-reply");
    var precedence = header(message, "Precedence");
    if (precedence != null
        && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply"))
      return Optional.of("precedence " + precedence.strip());
    if (header(message, "List-Id") != null || header(message, "List-Unsubscribe") != null)
      return Optional.of("list mail");
    if (AUTO_SUBJECT.matcher(mail.subject()).matches())
      return Optional.of("an auto-reply by its subject");
    if (!config.allowed(mail.from())) return Optional.of("sender outside the allowed domains");
    if (mail.from().length() > 100) return Optional.of("sender address too long");
    return Optional.empty();
  }

  private static @Nullable String header(MimeMessage message, String name)
      throws MessagingException {
    return message.getHeader(name, ",");
  }
}
