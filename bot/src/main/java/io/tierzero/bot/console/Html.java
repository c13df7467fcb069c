package io.tierzero.bot.console;

import io.tierzero.bot.analytics.Period;
import io.tierzero.kb.search.Snippets;
import java.util.Locale;

/** The console's page frame and escaping; small enough not to need a template engine. */
final class Html {
  private static final String STYLE =
      """
      *{box-sizing:border-box} body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
      header{background:#14365d;color:#fff;padding:.6rem 1.5rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
      header a{color:#fff;text-decoration:none;padding:.2rem .4rem;border-radius:3px} header a[aria-current]{background:#2d5c8f}
      header .brand{font-weight:700;margin-right:1rem} header form{margin-left:auto}
      main{padding:1rem 1.5rem;max-width:80rem} h1{font-size:1.5rem;margin:.5rem 0 1rem} h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
      a{color:#0b57d0} .range{display:flex;gap:.6rem;align-items:end;flex-wrap:wrap;margin-bottom:1rem}
      .range label{display:flex;flex-direction:column;font-size:.85rem} input,select,button,textarea{font:inherit;padding:.3rem .5rem}
      button{cursor:pointer} .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem}
      .card{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:.8rem}
      .card .value{font-size:1.8rem;font-weight:700} .card .label{font-weight:600} .card p{font-size:.8rem;color:#444;margin:.3rem 0 0}
      .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(36rem,1fr));gap:.8rem;margin-top:1rem}
      figure{background:#fff;border:1px solid #d5d9e0;border-radius:6px;margin:0;padding:.5rem} svg{max-width:100%;height:auto;display:block}
      table{border-collapse:collapse;background:#fff;width:100%} th,td{border:1px solid #d5d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top}
      th{background:#eef1f5} td.n{text-align:right;font-variant-numeric:tabular-nums}
      .alert{background:#fff4e5;border:1px solid #b26a00;border-radius:6px;padding:.6rem .8rem;margin:.8rem 0}
      .transcript{list-style:none;padding:0} .transcript li{margin:.4rem 0;padding:.5rem .7rem;border-radius:6px;max-width:46rem}
      .transcript .user{background:#e3ecfa;margin-left:auto} .transcript .bot{background:#fff;border:1px solid #d5d9e0}
      .transcript .meta{font-size:.75rem;color:#555} dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
      dt{font-weight:600} dd{margin:0} .login{max-width:22rem;margin:4rem auto;background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:1.5rem}
      .login label{display:block;margin:.6rem 0 .2rem} .login input{width:100%} .error{color:#a30000} .muted{color:#555;font-size:.85rem}
      details summary{cursor:pointer;font-size:.85rem;color:#0b57d0;margin-top:.3rem} textarea{width:100%;font-family:ui-monospace,monospace;font-size:.85rem}
      """;

  private Html() {}

  /**
   * A console page: navigation, sign-out, and {@code body}. {@code current} marks the nav link;
   * {@code csrf} is the session's form token ({@link ConsoleCsrf}), empty for HTTP Basic clients.
   */
  static String page(String title, String current, CharSequence body, String csrf) {
    var nav = new StringBuilder();
    for (var link : new String[][] {{"/console", "Overview"}, {"/console/tickets", "Tickets"}, {"/console/gaps", "Content gaps"}, {"/console/flows", "Guided fixes"}}) {
      nav.append("<a href=\"").append(link[0]).append('"').append(link[0].equals(current) ? " aria-current=\"page\"" : "").append('>').append(link[1]).append("</a>");
    }
    return frame(
        title,
        "<header><span class=\"brand\">Tier Zero console</span><nav aria-label=\"Console\">"
            + nav
            + "</nav><form method=\"post\" action=\"/console/logout\">"
            + csrfField(csrf)
            + "<button type=\"submit\">Sign out</button></form></header>\n<main>\n"
            + body
            + "</main>");
  }

  /** The hidden field carrying a form's CSRF token. */
  static String csrfField(String token) {
    return "<input type=\"hidden\" name=\"" + ConsoleCsrf.FIELD + "\" value=\"" + escape(token) + "\">";
  }

  static String frame(String title, CharSequence body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + escape(title) + " · Tier Zero console</title><style>" + STYLE + "</style></head>\n<body>\n"
        + body
        + "\n</body></html>\n";
  }

  /** The date range form, keeping other parameters out: every page reads from and to. */
  static String rangeForm(String action, Period period) {
    return "<form class=\"range\" method=\"get\" action=\"" + escape(action) + "\">"
        + "<label>From <input type=\"date\" name=\"from\" value=\"" + period.from() + "\"></label>"
        + "<label>To <input type=\"date\" name=\"to\" value=\"" + period.to() + "\"></label>"
        + "<button type=\"submit\">Show</button></form>\n";
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  static String escape(Object value) {
    return Snippets.escape(value == null ? null : value.toString());
  }
}
