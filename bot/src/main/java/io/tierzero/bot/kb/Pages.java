package io.tierzero.bot.kb;

import io.tierzero.kb.search.Snippets;
import java.util.Locale;

/** The shared frame of the knowledge-base pages; small enough not to need a template engine. */
final class Pages {
  private static final String STYLE =
      """
      body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
      a{color:#0b57d0} nav{font-size:.9rem;margin-bottom:1rem} mark{background:#fff3b0}
      form{margin:1rem 0 2rem} input[type=search]{width:60%;padding:.4rem;font:inherit}
      button{padding:.4rem .8rem;font:inherit} .summary{display:block;color:#555;font-size:.9rem}
      li{margin:.4rem 0} pre,code{background:#f4f4f4;border-radius:3px} pre{padding:.6rem;overflow:auto}
      table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.3rem .5rem}
      footer{color:#666;font-size:.85rem;margin-top:2rem}
      """;

  private Pages() {}

  static String page(String title, CharSequence body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + " · Tier Zero</title><style>"
        + STYLE
        + "</style><script src=\"/widget/tierzero-chat.js\" defer></script></head>\n<body><main>\n"
        + body
        // The chat widget on every knowledge-base page: help is one click away while reading, and
        // the page's "Fix it for me" and "Was this helpful?" buttons act through its conversation.
        + "</main><tierzero-chat title=\"IT help\" lang=\"en\"></tierzero-chat></body></html>\n";
  }

  /** "mfa" -> "MFA", "accounts" -> "Accounts": category ids are folder names. */
  static String categoryName(String category) {
    if (category == null || category.isBlank()) return "Other";
    return switch (category) {
      case "mfa" -> "MFA";
      case "vpn" -> "VPN";
      default ->
          category.substring(0, 1).toUpperCase(Locale.ROOT)
              + category.substring(1).replace('-', ' ');
    };
  }

  static String escape(String text) {
    return Snippets.escape(text);
  }
}
