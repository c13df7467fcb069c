package io.tierzero.kb.search;

import io.tierzero.kb.index.Fields;
import io.tierzero.kb.index.KbSearcher;
import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The articles a question could be about, ranked: BM25 over the weighted article fields, the
 * nearest passage vectors (each article scored by its closest passage), or both fused.
 */
final class Candidates {
  /** Articles BM25 puts forward for fusion; the right one is almost always within these. */
  static final int BM25_CANDIDATES = 50;

  /** Passages the vector search returns; several may belong to one article. */
  static final int VECTOR_PASSAGES = 100;

  /** Evidence about one candidate article. */
  record Candidate(String id, double bm25, double similarity, double score) {}

  private final Analyzer queryAnalyzer;
  private final Map<String, Float> fieldWeights;
  private final double vectorWeight;

  Candidates(Analyzer queryAnalyzer, Ranking ranking) {
    this.queryAnalyzer = queryAnalyzer;
    this.vectorWeight = ranking.vectorWeight();
    this.fieldWeights = new LinkedHashMap<>();
    fieldWeights.put(Fields.TITLE, ranking.titleWeight());
    fieldWeights.put(Fields.QUESTIONS, ranking.questionsWeight());
    fieldWeights.put(Fields.SUMMARY, ranking.summaryWeight());
    fieldWeights.put(Fields.HEADINGS, ranking.headingsWeight());
    fieldWeights.put(Fields.TAGS, ranking.tagsWeight());
    fieldWeights.put(Fields.BODY, ranking.bodyWeight());
  }

  /**
   * Candidates for a question, best first.
   *
   * @param vector the question's vector; null for words alone
   * @param only when not null, only these ids may be candidates
   */
  List<Candidate> find(
      KbSearcher searcher,
      Question question,
      float[] vector,
      Mode mode,
      Set<String> only,
      Ratings ratings)
      throws IOException {
    Map<String, Double> bm25 = mode == Mode.VECTOR ? Map.of() : bm25(searcher, question, only);
    Map<String, Double> similarity = vector == null ? Map.of() : nearest(searcher, vector, only);
    return fuse(mode, bm25, similarity, vectorWeight, ratings);
  }

  /**
   * Words and meaning as one score per article ({@code w * cosine + (1 - w) * BM25 / best BM25} in
   * hybrid mode), with the users' ratings as a prior; best first, ties by id.
   */
  static List<Candidate> fuse(
      Mode mode,
      Map<String, Double> bm25,
      Map<String, Double> similarity,
      double vectorWeight,
      Ratings ratings) {
    double maxBm25 = bm25.values().stream().mapToDouble(d -> d).max().orElse(1);
    // An article the vector search did not reach is at most as close as the farthest one it did.
    double floor = similarity.values().stream().mapToDouble(d -> d).min().orElse(0);
    Map<String, Candidate> all = new HashMap<>();
    Collection<String> ids = new LinkedHashSet<>(bm25.keySet());
    ids.addAll(similarity.keySet());
    for (String id : ids) {
      double b = bm25.getOrDefault(id, 0.0);
      double s = similarity.getOrDefault(id, floor);
      double score =
          switch (mode) {
            case BM25 -> b;
            case VECTOR -> s;
            case HYBRID -> vectorWeight * s + (1 - vectorWeight) * (b / maxBm25);
          };
      score = ratings.adjust(id, score, mode == Mode.BM25);
      all.put(id, new Candidate(id, b, s, score));
    }
    return all.values().stream()
        .sorted(
            Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id))
        .toList();
  }

  private Map<String, Double> bm25(KbSearcher searcher, Question question, Set<String> only)
      throws IOException {
    Query words = question.bm25(queryAnalyzer, fieldWeights);
    if (words == null) return Map.of();
    Query query = filtered(words, Fields.TYPE_ARTICLE, only);
    TopDocs top = searcher.search(query, BM25_CANDIDATES);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      scores.put(searcher.articleOf(hit.doc), (double) hit.score);
    }
    return scores;
  }

  /** Cosine similarity of each article's closest passage, best first. */
  private static Map<String, Double> nearest(KbSearcher searcher, float[] vector, Set<String> only)
      throws IOException {
    Query filter = only == null ? null : filtered(null, Fields.TYPE_PASSAGE, only);
    var query = new KnnFloatVectorQuery(Fields.VECTOR, vector, VECTOR_PASSAGES, filter);
    TopDocs top = searcher.search(query, VECTOR_PASSAGES);
    Map<String, Double> best = new LinkedHashMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      String id = searcher.articleOf(hit.doc);
      // Lucene scores DOT_PRODUCT on unit vectors as (1 + cosine) / 2.
      best.putIfAbsent(id, 2.0 * hit.score - 1);
    }
    return best;
  }

  private static Query filtered(Query query, String type, Set<String> only) {
    var builder = new BooleanQuery.Builder();
    if (query != null) builder.add(query, Occur.MUST);
    builder.add(new TermQuery(new Term(Fields.TYPE, type)), Occur.FILTER);
    if (only != null) {
      builder.add(
          new TermInSetQuery(Fields.ARTICLE, only.stream().map(BytesRef::new).toList()),
          Occur.FILTER);
    }
    return builder.build();
  }
}
