package io.tierzero.bot.channels.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which mails are left unanswered, read from the headers as the mailbox delivers them. */
class IgnoredMailTest {
  private static final String BOT = "support@example.com";
  private final EmailChannelConfiguration config =
      new EmailChannelConfiguration(
          "imap.example.com",
          993,
          true,
          "support",
          "pw",
          "INBOX",
          BOT,
          List.of("Example.com "),
          Duration.ofSeconds(30));

  @Test
  void an_ordinary_mail_from_an_allowed_domain_is_answered() throws Exception {
    assertEquals(
        Optional.empty(), reason("erin@example.com", "VPN", Map.of("Auto-Submitted", "no")));
  }

  @Test
  void a_bounce_with_the_null_return_path_is_not_answered() throws Exception {
    assertTrue(
        reason("erin@example.com", "Your message", Map.of("Return-Path", "<>"))
            .orElseThrow()
            .contains("bounce"));
  }

  @Test
  void list_and_bulk_mail_is_not_answered() throws Exception {
    assertTrue(
        reason("news@example.com", "Newsletter", Map.of("List-Id", "<it.example.com>"))
            .isPresent());
    assertTrue(reason("news@example.com", "Newsletter", Map.of("Precedence", "junk")).isPresent());
  }

  @Test
  void an_out_of_office_note_without_headers_is_known_by_its_subject() throws Exception {
    assertTrue(reason("erin@example.com", "Out of Office: Re: VPN", Map.of()).isPresent());
    assertTrue(reason("erin@example.com", "Automatic reply: VPN", Map.of()).isPresent());
  }

  @Test
  void our_own_mail_is_not_answered_by_address_or_by_message_id() throws Exception {
    assertEquals(Optional.of("our own mail"), reason(BOT, "Re: VPN", Map.of()));
    var mail =
        new InboundMail(
            OwnMessageIds.next("0123456789abcdef0123456789abcdef", "example.com"),
            true,
            "erin@example.com",
            null,
            "Re: VPN",
            List.of(),
            "x");
    assertEquals(
        Optional.of("our own mail"),
        IgnoredMail.reason(message("erin@example.com", "Re: VPN", Map.of()), mail, config, BOT));
  }

  @Test
  void a_sender_outside_the_allowed_domains_is_not_answered() throws Exception {
    assertTrue(
        reason("erin@example.com.evil.test", "VPN", Map.of())
            .orElseThrow()
            .contains("allowed domains"));
    assertTrue(reason("erin@sub.example.com", "VPN", Map.of()).isPresent());
  }

  private Optional<String> reason(String from, String subject, Map<String, String> headers)
      throws Exception {
    var message = message(from, subject, headers);
    return IgnoredMail.reason(message, InboundMail.read(message, "uid:1:1"), config, BOT);
  }

  private static MimeMessage message(String from, String subject, Map<String, String> headers)
      throws Exception {
    var message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setSubject(subject);
    message.setText("my account is locked");
    for (var header : headers.entrySet()) message.setHeader(header.getKey(), header.getValue());
    message.saveChanges();
    return message;
  }
}
