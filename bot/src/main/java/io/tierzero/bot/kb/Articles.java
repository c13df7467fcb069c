package io.tierzero.bot.kb;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.SearchResult;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Read access to the knowledge base for the article API and pages, with HTML already made safe. */
@Singleton
public final class Articles {
  /** Typeahead shows a short list: more titles than this is noise while typing. */
  public static final int MAX_SUGGESTIONS = 5;

  private final KnowledgeBase kb;
  private final ArticleHtml html;

  Articles(KnowledgeBase kb, ArticleHtml html) {
    this.kb = kb;
    this.html = html;
  }

  public Optional<ArticleView> view(String id) {
    return kb.article(id).map(this::view);
  }

  public Optional<Article> article(String id) {
    return kb.article(id);
  }

  /** Sanitised HTML of the article's body. */
  public String bodyHtml(Article article) {
    return html.article(kb.html(article));
  }

  /** All articles, sorted by category then title. */
  public List<Article> all() {
    return kb.articles();
  }

  public SearchResult search(String query, int limit) {
    return kb.search(query, limit);
  }

  public List<SuggestionView> suggest(String prefix) {
    if (prefix == null || prefix.isBlank()) return List.of();
    return kb.suggest(prefix.strip(), MAX_SUGGESTIONS).stream()
        .map(s -> new SuggestionView(s.id(), s.title(), ArticleHtml.pageUrl(s.id())))
        .toList();
  }

  private ArticleView view(Article article) {
    return new ArticleView(
        article.id(),
        article.title(),
        article.summary(),
        article.category(),
        article.tags(),
        article.updated(),
        article.owner(),
        ArticleHtml.pageUrl(article.id()),
        bodyHtml(article),
        flow(article));
  }

  /** The guided fix an article offers, or null: without rendering it, for every answer card. */
  public static @Nullable String flow(Article article) {
    return article.flow() == null || article.flow().isBlank() ? null : article.flow().strip();
  }
}
