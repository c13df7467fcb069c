package io.tierzero.bot.channels.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The history and signatures the common mail clients add, cut off the user's words. */
class QuotedHistoryTest {
  @Test
  void gmail_reply_header_on_two_lines_and_quoted_lines_are_cut() {
    var text =
        "Still locked out.\r\n\r\n"
            + "On Wed, 2 Dec 2026 at 10:00, IT support <support@example.com>\r\n"
            + "wrote:\r\n"
            + "> Try this.\r\n";
    assertEquals("Still locked out.", QuotedHistory.strip(text));
  }

  @Test
  void apple_mail_reply_header_on_one_line_is_cut() {
    assertEquals(
        "Thanks, that worked",
        QuotedHistory.strip(
            "Thanks, that worked\n\n"
                + "On 2 Dec 2026, at 10:00, IT <support@example.com> wrote:\n\n"
                + "> Try this."));
  }

  @Test
  void outlook_original_message_block_is_cut() {
    var text =
        "1\n\n"
            + "-----Original Message-----\n"
            + "From: IT support <support@example.com>\n"
            + "Sent: Wednesday, December 2, 2026 10:00\n"
            + "Subject: Sign-in";
    assertEquals("1", QuotedHistory.strip(text));
  }

  @Test
  void outlook_header_block_without_the_separator_is_cut() {
    var text =
        "TICKET\n\n"
            + "From: IT support <support@example.com>\n"
            + "Sent: Wednesday, December 2, 2026 10:00\n"
            + "To: Erin";
    assertEquals("TICKET", QuotedHistory.strip(text));
  }

  @Test
  void the_signature_after_dash_dash_space_is_cut() {
    assertEquals(
        "My VPN drops every hour",
        QuotedHistory.strip("My VPN drops every hour\n-- \nErin Example\nFinance"));
  }

  @Test
  void quoted_lines_between_answers_are_dropped_and_the_answers_kept() {
    assertEquals(
        "It says error 42\n\nYes, Windows",
        QuotedHistory.strip(
            "> What does it say?\nIt says error 42\n\n> Which laptop?\nYes, Windows"));
  }

  @Test
  void a_mention_of_from_in_the_text_is_kept() {
    assertEquals(
        "From: the office printer, page 2 is blank",
        QuotedHistory.strip("From: the office printer, page 2 is blank"));
  }
}
