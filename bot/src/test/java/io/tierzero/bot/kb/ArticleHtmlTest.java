package io.tierzero.bot.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleHtmlTest {
  private final ArticleHtml html = new ArticleHtml();

  @Test
  void rewrites_internal_links_to_kb_pages() {
    var out = html.article("<p>See <a href=\"reset-forgotten-password\">Reset</a>.</p>");
    assertTrue(out.contains("href=\"/kb/reset-forgotten-password\""), out);
  }

  @Test
  void keeps_the_fragment_of_an_internal_link_and_drops_a_md_suffix() {
    var out = html.article("<a href=\"vpn-setup.md#windows\">VPN</a>");
    assertTrue(out.contains("href=\"/kb/vpn-setup#windows\""), out);
  }

  @Test
  void leaves_external_links_alone() {
    var out = html.article("<a href=\"https://password.example.com\">portal</a>");
    assertTrue(out.contains("href=\"https://password.example.com\""), out);
  }

  @Test
  void removes_scripts_event_handlers_and_javascript_urls() {
    var out =
        html.article(
            "<p onclick=\"x()\">Hi<script>alert(1)</script><a"
                + " href=\"javascript:alert(1)\">x</a></p>");
    assertFalse(out.contains("script"), out);
    assertFalse(out.contains("onclick"), out);
    assertFalse(out.contains("javascript"), out);
  }

  @Test
  void snippets_keep_only_mark() {
    assertEquals(
        "reset your <mark>password</mark>",
        html.snippet("reset your <mark>password</mark><img src=x onerror=alert(1)>"));
  }
}
