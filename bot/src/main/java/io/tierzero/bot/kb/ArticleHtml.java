package io.tierzero.bot.kb;

import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Makes article HTML and search snippets safe to put in a page.
 *
 * <p>Articles are written by agents in git, not by end users, but the widget embeds their HTML in
 * other sites' pages, so it goes through an allow-list anyway: a slip in one article must not
 * become script on every intranet page.
 */
@Singleton
public final class ArticleHtml {
  /** Where an article's readable page is served; internal links are rewritten to point here. */
  public static final String PAGE_PREFIX = "/kb/";

  /**
   * An internal link as Flexmark renders {@code [text](other-id)}: a bare article id, optionally
   * with a {@code .md} suffix or a fragment. Anything with a scheme or a slash is left alone.
   */
  private static final Pattern INTERNAL_LINK =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]*)(?:\\.md)?(#[A-Za-z0-9_-]*)?");

  private static final AttributePolicy REWRITE_INTERNAL_LINKS =
      (element, attribute, value) -> {
        var link = INTERNAL_LINK.matcher(value);
        if (!link.matches()) return value;
        return PAGE_PREFIX + link.group(1) + (link.group(2) == null ? "" : link.group(2));
      };

  private static final PolicyFactory ARTICLE_POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "ul",
              "ol",
              "li",
              "strong",
              "em",
              "b",
              "i",
              "code",
              "pre",
              "blockquote",
              "hr",
              "br",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a",
              "img",
              "del",
              "kbd",
              "sup",
              "sub",
              "span")
          .allowUrlProtocols("http", "https", "mailto", "tel")
          .allowAttributes("href")
          .matching(REWRITE_INTERNAL_LINKS)
          .onElements("a")
          .allowAttributes("src", "alt")
          .onElements("img")
          .allowAttributes("title")
          .globally()
          .allowAttributes("align")
          .onElements("th", "td")
          .allowAttributes("start")
          .onElements("ol")
          .requireRelsOnLinks("noopener", "noreferrer")
          .toFactory();

  /**
   * Snippets come escaped from the library with {@code <mark>} around matched words: keep only
   * that.
   */
  private static final PolicyFactory SNIPPET_POLICY =
      new HtmlPolicyBuilder().allowElements("mark").toFactory();

  /**
   * Sanitises an article body rendered by the library, rewriting internal links to {@code /kb/id}.
   */
  public String article(String unsafeHtml) {
    return ARTICLE_POLICY.sanitize(unsafeHtml);
  }

  /** Sanitises a search snippet, keeping only {@code <mark>} highlights. */
  public String snippet(String snippetHtml) {
    return snippetHtml == null ? "" : SNIPPET_POLICY.sanitize(snippetHtml);
  }

  /** The readable page of an article. */
  public static String pageUrl(String articleId) {
    return PAGE_PREFIX + articleId;
  }
}
