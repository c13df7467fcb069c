package io.tierzero.bot.channels.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An HTML-only mail read as the text the user wrote. */
class HtmlTextTest {
  @Test
  void breaks_become_lines_tags_go_and_entities_are_decoded() {
    var html =
        "<html><head><style>p{color:red}</style></head><body><div>My VPN &amp; Wi&#8209;Fi"
            + " drop<br>since&nbsp;Monday</div></body></html>";
    assertEquals(
        "My VPN & Wi\u2011Fi drop\nsince Monday", QuotedHistory.strip(HtmlText.toText(html)));
  }

  @Test
  void the_quoted_history_in_a_blockquote_is_dropped() {
    var html =
        "<div>2</div><div class=\"gmail_quote\">On Wed, IT wrote:<blockquote>Reply with a"
            + " number:<ol><li>Reset</li></ol></blockquote></div>";
    assertEquals("2", QuotedHistory.strip(HtmlText.toText(html)));
  }
}
