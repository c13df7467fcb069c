package io.tierzero.bot.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Hidden;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Decision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base as plain pages: an index by category with a search box, and one page per
 * article. The chat links here, so they work without JavaScript and without the widget.
 */
@Controller("/kb")
@Produces(MediaType.TEXT_HTML)
@Hidden
class KbPageController {
  /** Enough to scan in one glance; the search is for finding, the index for browsing. */
  static final int MAX_SEARCH_RESULTS = 20;

  /** When nothing answers, a few nearest titles help someone reword; twenty would bury them. */
  static final int NEAREST_WHEN_NO_MATCH = 3;

  private final Articles articles;
  private final ArticleHtml html;

  KbPageController(Articles articles, ArticleHtml html) {
    this.articles = articles;
    this.html = html;
  }

  @Get
  String index(@QueryValue @Nullable String q) {
    var body = new StringBuilder();
    body.append("<h1>IT help articles</h1>\n")
        .append("<form role=\"search\" action=\"/kb\" method=\"get\">")
        .append("<label for=\"q\">Search the articles</label> ")
        .append("<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"200\" value=\"")
        .append(Pages.escape(q == null ? "" : q))
        .append("\"> <button type=\"submit\">Search</button></form>\n");
    if (q != null && !q.isBlank()) {
      appendSearch(body, q.length() > 200 ? q.substring(0, 200) : q);
    } else {
      appendIndex(body, articles.all());
    }
    return Pages.page(q == null || q.isBlank() ? "IT help articles" : "Search: " + q, body);
  }

  @Get("/{id}")
  HttpResponse<String> article(String id) {
    return articles
        .article(id)
        .map(article -> HttpResponse.ok(articlePage(article)))
        .orElseGet(
            () ->
                HttpResponse.<String>notFound()
                    .body(
                        Pages.page(
                            "Article not found",
                            new StringBuilder(
                                "<h1>Article not found</h1><p>There is no article <code>"
                                    + Pages.escape(id)
                                    + "</code>. <a href=\"/kb\">Browse all articles</a>.</p>"))));
  }

  private String articlePage(Article article) {
    var body = new StringBuilder();
    body.append("<nav><a href=\"/kb\">All articles</a> &rsaquo; ")
        .append(Pages.escape(Pages.categoryName(article.category())))
        .append("</nav>\n<article>\n")
        .append(articles.bodyHtml(article))
        .append("\n</article>\n");
    var flow = Articles.flow(article);
    if (flow != null) {
      // The chat widget on the page starts the flow: it listens for clicks on .tierzero-fix-it and
      // sends data-tierzero-message as if the user had typed it. No inline script, for the CSP.
      var message = Pages.escape("start flow " + flow);
      body.append("<p><button type=\"button\" class=\"tierzero-fix-it\" data-tierzero-flow=\"")
          .append(Pages.escape(flow))
          .append("\" data-tierzero-message=\"")
          .append(message)
          .append("\">")
          .append("Fix it for me</button></p>\n");
    }
    // Votes go through the chat widget on the page (the feedback API needs a conversation).
    var id = Pages.escape(article.id());
    body.append("<section class=\"tierzero-helpful\" aria-label=\"Feedback\"><p>Was this helpful?")
        .append(" <button type=\"button\" class=\"tierzero-vote\" aria-pressed=\"false\" data-tierzero-article=\"")
        .append(id)
        .append("\" data-tierzero-vote=\"up\">Yes</button>")
        .append(" <button type=\"button\" class=\"tierzero-vote\" aria-pressed=\"false\" data-tierzero-article=\"")
        .append(id)
        .append("\" data-tierzero-vote=\"down\">No</button>")
        .append(" <span role=\"status\" data-tierzero-status></span></p></section>\n");
    body.append("<footer><p>Updated ")
        .append(Pages.escape(String.valueOf(article.updated())))
        .append("</p></footer>\n");
    return Pages.page(article.title(), body);
  }

  private void appendSearch(StringBuilder body, String q) {
    var result = articles.search(q, MAX_SEARCH_RESULTS);
    if (result.hits().isEmpty()) {
      body.append("<p role=\"status\">No article matches <strong>")
          .append(Pages.escape(q))
          .append("</strong>. <a href=\"/kb\">Browse all articles</a>.</p>\n");
      return;
    }
    var hits = result.hits();
    if (result.decision() == Decision.ABSTAIN) {
      // The same judgement the chat makes: a long list of weak hits reads as "these answer you".
      body.append("<p role=\"status\">No article answers <strong>")
          .append(Pages.escape(q))
          .append("</strong>. Try other words, <a href=\"/kb\">browse all articles</a> or ask in the chat. The nearest ones:</p>\n");
      hits = hits.subList(0, Math.min(NEAREST_WHEN_NO_MATCH, hits.size()));
    }
    body.append("<ol class=\"results\">\n");
    for (var hit : hits) {
      body.append("<li><a href=\"")
          .append(ArticleHtml.pageUrl(Pages.escape(hit.id())))
          .append("\">")
          .append(Pages.escape(hit.title()))
          .append("</a><p>")
          .append(html.snippet(hit.snippet()))
          .append("</p></li>\n");
    }
    body.append("</ol>\n");
  }

  private static void appendIndex(StringBuilder body, List<Article> all) {
    Map<String, List<Article>> byCategory = new LinkedHashMap<>();
    for (var article : all) {
      byCategory.computeIfAbsent(article.category(), c -> new java.util.ArrayList<>()).add(article);
    }
    for (var entry : byCategory.entrySet()) {
      body.append("<section><h2>")
          .append(Pages.escape(Pages.categoryName(entry.getKey())))
          .append("</h2>\n<ul>\n");
      for (var article : entry.getValue()) {
        body.append("<li><a href=\"")
            .append(ArticleHtml.pageUrl(Pages.escape(article.id())))
            .append("\">")
            .append(Pages.escape(article.title()))
            .append("</a>");
        if (article.summary() != null && !article.summary().isBlank()) {
          body.append(" <span class=\"summary\">").append(Pages.escape(article.summary())).append("</span>");
        }
        body.append("</li>\n");
      }
      body.append("</ul></section>\n");
    }
  }
}
