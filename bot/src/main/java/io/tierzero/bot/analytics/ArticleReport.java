package io.tierzero.bot.analytics;

import io.tierzero.bot.analytics.Snapshot.Conv;
import io.tierzero.bot.kb.Articles;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Ratings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every article, with its page views, the answers that offered it and its votes: the knowledge
 * base's own articles, and any removed one that still has figures.
 */
@Singleton
class ArticleReport {
  private final Supplier<List<Article>> all;
  private final Function<String, Optional<Article>> byId;

  @Inject
  ArticleReport(Articles articles) {
    this(articles::all, articles::article);
  }

  /**
   * @param all the knowledge base's articles, in its order
   * @param byId one article by id; empty when it was removed
   */
  ArticleReport(Supplier<List<Article>> all, Function<String, Optional<Article>> byId) {
    this.all = Objects.requireNonNull(all, "all");
    this.byId = Objects.requireNonNull(byId, "byId");
  }

  /** Each conversation's latest vote per article: what counts for the article (as in the prior). */
  static Map<String, Ratings.Votes> latestVotes(List<Conv> conversations) {
    var up = new HashMap<String, Long>();
    var down = new HashMap<String, Long>();
    for (var c : conversations) {
      var latest = new HashMap<String, Snapshot.VoteRow>();
      for (var v : c.votes()) {
        if (v.articleId() == null) continue;
        latest.merge(v.articleId(), v, (a, b) -> b.at().isAfter(a.at()) ? b : a);
      }
      latest.forEach((id, v) -> (v.up() ? up : down).merge(id, 1L, Long::sum));
    }
    var ids = new HashSet<>(up.keySet());
    ids.addAll(down.keySet());
    var out = new HashMap<String, Ratings.Votes>();
    ids.forEach(
        id -> out.put(id, new Ratings.Votes(up.getOrDefault(id, 0L), down.getOrDefault(id, 0L))));
    return out;
  }

  /** Most shown first, then most viewed, then by id. */
  List<Reports.Article> articles(
      List<Conv> inPeriod, Map<String, Ratings.Votes> votes, Map<String, Long> views) {
    var shown = new HashMap<String, Long>();
    for (var c : inPeriod) {
      for (var m : c.messages()) {
        if (m.fromUser() || !("answer".equals(m.type()) || "clarify".equals(m.type()))) continue;
        new LinkedHashSet<>(m.articles()).forEach(id -> shown.merge(id, 1L, Long::sum));
      }
    }
    var ids = new LinkedHashSet<String>();
    all.get().forEach(a -> ids.add(a.id()));
    ids.addAll(shown.keySet());
    ids.addAll(votes.keySet());
    ids.addAll(views.keySet());
    var ratings = new Ratings(votes);
    var out = new ArrayList<Reports.Article>();
    for (var id : ids) {
      var article = byId.apply(id);
      var v = votes.getOrDefault(id, new Ratings.Votes(0, 0));
      out.add(
          new Reports.Article(
              id,
              article.map(Article::title).orElse(id + " (removed)"),
              article.map(Article::category).orElse(""),
              views.getOrDefault(id, 0L),
              shown.getOrDefault(id, 0L),
              v.up(),
              v.down(),
              ratings.helpfulness(id)));
    }
    out.sort(
        Comparator.comparingLong(Reports.Article::answersShown)
            .reversed()
            .thenComparing(Comparator.comparingLong(Reports.Article::views).reversed())
            .thenComparing(Reports.Article::id));
    return out;
  }
}
