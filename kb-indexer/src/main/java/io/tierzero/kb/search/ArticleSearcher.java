package io.tierzero.kb.search;

import io.tierzero.kb.embed.QueryVectors;
import io.tierzero.kb.index.IndexSnapshot;
import io.tierzero.kb.index.KbAnalyzer;
import io.tierzero.kb.index.KbSearcher;
import io.tierzero.kb.index.Synonyms;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Candidates.Candidate;
import io.tierzero.kb.text.TypedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Finds articles for a question: the candidates by words, meaning or both ({@link Candidates}),
 * whether the first one answers ({@link AnswerDecider}), and each hit's snippet ({@link
 * SnippetFinder}), all read from one {@link IndexSnapshot}.
 */
public final class ArticleSearcher {
  private final Analyzer indexAnalyzer;
  private final QueryVectors queryVectors;
  private final Candidates candidates;
  private final AnswerDecider decider;
  private final SnippetFinder snippets;
  private volatile Ratings ratings = Ratings.NONE;

  /**
   * @param queryVectors embeds questions; null when the index has no vectors
   */
  public ArticleSearcher(Synonyms synonyms, Ranking ranking, QueryVectors queryVectors) {
    this.indexAnalyzer = KbAnalyzer.forIndex();
    Analyzer queryAnalyzer = KbAnalyzer.forQuery(synonyms.map());
    this.queryVectors = queryVectors;
    this.candidates = new Candidates(queryAnalyzer, ranking);
    this.decider = new AnswerDecider(ranking, synonyms);
    this.snippets = new SnippetFinder(indexAnalyzer, queryAnalyzer, synonyms);
  }

  /** Replaces the users' votes used as a ranking prior. */
  public void useRatings(Ratings ratings) {
    this.ratings = ratings == null ? Ratings.NONE : ratings;
  }

  /** What a search saw, for the decision and for calibration. */
  public record Evidence(double similarity, double coverage, double margin) {}

  /** A ranked search with the evidence behind its first hit. */
  public record Ranked(SearchResult result, Evidence evidence) {}

  /**
   * Searches one version of the index.
   *
   * @param only when not null, only these ids may be returned (evaluation's re-ranking)
   */
  public Ranked search(IndexSnapshot snapshot, String text, int limit, Mode mode, Set<String> only)
      throws IOException {
    if (mode != Mode.BM25 && queryVectors == null) {
      throw new IllegalStateException("this index has no vectors: search in bm25 mode");
    }
    String plain = TypedText.clean(text);
    // Nothing to look for ("???", an emoji, invisible characters): no article answers it, and
    // the embedding model refuses text that its tokenizer reduces to nothing.
    if (!TypedText.hasWords(plain)) {
      return new Ranked(new SearchResult(text, Decision.ABSTAIN, 0, List.of()), null);
    }
    KbSearcher searcher = snapshot.searcher();
    Question question = Question.of(plain, searcher, indexAnalyzer);
    float[] vector = mode == Mode.BM25 ? null : queryVectors.get(question.text());
    List<Candidate> ranked = candidates.find(searcher, question, vector, mode, only, ratings);
    int keep = Math.max(limit, 2);
    if (ranked.size() > keep) ranked = ranked.subList(0, keep);

    AnswerDecider.Judged judged = decider.judge(searcher, ranked, question, mode);
    List<String> shown =
        ranked.subList(0, Math.min(limit, ranked.size())).stream().map(Candidate::id).toList();
    Map<String, String> snippetOf = snippets.snippets(searcher, shown, question, vector);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      Candidate c = ranked.get(i);
      Article article = snapshot.article(c.id());
      // The snapshot's articles are those of its searcher's commit.
      if (article == null) throw new IllegalStateException("no article for hit " + c.id());
      hits.add(
          new SearchHit(
              c.id(),
              article.title(),
              snippetOf.get(c.id()),
              c.score(),
              judged.confidences().get(i),
              article.category(),
              flowOf(article)));
    }
    List<Double> confidences = judged.confidences();
    double confidence = confidences.isEmpty() ? 0 : confidences.get(0);
    Decision decision = hits.isEmpty() ? Decision.ABSTAIN : judged.decision();
    return new Ranked(new SearchResult(text, decision, confidence, hits), judged.first());
  }

  /** The guided fix an article offers, or null: a blank {@code flow:} offers none. */
  static String flowOf(Article article) {
    return article.flow() == null || article.flow().isBlank() ? null : article.flow().strip();
  }
}
