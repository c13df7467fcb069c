package io.tierzero.bot.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.tierzero.bot.pages.View;
import io.tierzero.bot.pages.Words;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The knowledge base as plain pages: an index by category with a search box, and one page per
 * article (templates in {@code src/main/jte/kb}). The chat links here, so they work without
 * JavaScript and without the widget.
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
  private final Words words;

  KbPageController(Articles articles, ArticleHtml html, Words words) {
    this.articles = articles;
    this.html = html;
    this.words = words;
  }

  @Get
  ModelAndView<Map<String, Object>> index(@QueryValue @Nullable String q) {
    if (q == null || q.isBlank())
      return View.of("kb/index", "t", words, "q", q, "categories", byCategory(articles.all()));
    var query = q.length() > 200 ? q.substring(0, 200) : q;
    var result = articles.search(query, MAX_SEARCH_RESULTS);
    var hits = result.hits();
    // The same judgement the chat makes: a long list of weak hits reads as "these answer you".
    boolean abstained = !hits.isEmpty() && result.decision() == Decision.ABSTAIN;
    if (abstained) hits = hits.subList(0, Math.min(NEAREST_WHEN_NO_MATCH, hits.size()));
    var views =
        hits.stream()
            .map(
                h -> new HitView(ArticleHtml.pageUrl(h.id()), h.title(), html.snippet(h.snippet())))
            .toList();
    return View.of(
        "kb/index", "t", words, "q", q, "query", query, "hits", views, "abstained", abstained);
  }

  @Get("/{id}")
  HttpResponse<?> article(String id) {
    return articles
        .article(id)
        .<HttpResponse<?>>map(article -> HttpResponse.ok(articlePage(article)))
        .orElseGet(() -> HttpResponse.notFound(View.of("kb/missing", "t", words, "id", id)));
  }

  private ModelAndView<Map<String, Object>> articlePage(Article article) {
    return View.of(
        "kb/article",
        "t",
        words,
        "title",
        article.title(),
        "id",
        article.id(),
        "category",
        categoryName(article.category()),
        // Flexmark's HTML through the sanitiser: the template puts it in unescaped.
        "bodyHtml",
        articles.bodyHtml(article),
        "flow",
        Articles.flow(article),
        "updated",
        String.valueOf(article.updated()));
  }

  /** Articles by category name, in the library's order. */
  private Map<String, List<Article>> byCategory(List<Article> all) {
    Map<String, List<Article>> byCategory = new LinkedHashMap<>();
    for (var article : all) {
      byCategory
          .computeIfAbsent(categoryName(article.category()), c -> new ArrayList<>())
          .add(article);
    }
    return byCategory;
  }

  /** "mfa" -> "MFA", "accounts" -> "Accounts": category ids are folder names. */
  private String categoryName(String category) {
    if (category == null || category.isBlank()) return words.get("kb.category.other");
    return switch (category) {
      case "mfa" -> "MFA";
      case "vpn" -> "VPN";
      default ->
          category.substring(0, 1).toUpperCase(Locale.ROOT)
              + category.substring(1).replace('-', ' ');
    };
  }
}
