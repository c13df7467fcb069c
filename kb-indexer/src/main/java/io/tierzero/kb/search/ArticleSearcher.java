package io.tierzero.kb.search;

import io.tierzero.kb.embed.QueryVectors;
import io.tierzero.kb.index.Fields;
import io.tierzero.kb.index.KbAnalyzer;
import io.tierzero.kb.index.Synonyms;
import io.tierzero.kb.parse.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Finds articles for a question: ranks by words (BM25 over weighted article fields), by meaning
 * (nearest passage vectors, each article scored by its closest passage) or both, then decides
 * whether the first hit answers the question.
 */
public final class ArticleSearcher {
  /** Articles BM25 puts forward for fusion; the right one is almost always within these. */
  static final int BM25_CANDIDATES = 50;

  /** Passages the vector search returns; several may belong to one article. */
  static final int VECTOR_PASSAGES = 100;

  private final Analyzer indexAnalyzer;
  private final Analyzer queryAnalyzer;
  private final Synonyms synonyms;
  private final Ranking ranking;
  private final QueryVectors queryVectors;
  private final Map<String, Float> fieldWeights;
  private volatile Ratings ratings = Ratings.NONE;

  /** @param queryVectors embeds questions; null when the index has no vectors */
  public ArticleSearcher(Synonyms synonyms, Ranking ranking, QueryVectors queryVectors) {
    this.indexAnalyzer = KbAnalyzer.forIndex();
    this.queryAnalyzer = KbAnalyzer.forQuery(synonyms.map());
    this.synonyms = synonyms;
    this.ranking = ranking;
    this.queryVectors = queryVectors;
    this.fieldWeights = new LinkedHashMap<>();
    fieldWeights.put(Fields.TITLE, ranking.titleWeight());
    fieldWeights.put(Fields.QUESTIONS, ranking.questionsWeight());
    fieldWeights.put(Fields.SUMMARY, ranking.summaryWeight());
    fieldWeights.put(Fields.HEADINGS, ranking.headingsWeight());
    fieldWeights.put(Fields.TAGS, ranking.tagsWeight());
    fieldWeights.put(Fields.BODY, ranking.bodyWeight());
  }

  /** Replaces the users' votes used as a ranking prior. */
  public void useRatings(Ratings ratings) {
    this.ratings = ratings == null ? Ratings.NONE : ratings;
  }

  public boolean hasVectors() {
    return queryVectors != null;
  }

  /** Evidence about one candidate article. */
  record Candidate(String id, double bm25, double similarity, double score) {}

  /** What a search saw, for the decision and for calibration. */
  public record Evidence(double similarity, double coverage, double margin) {}

  /** A ranked search with the evidence behind its first hit. */
  public record Ranked(SearchResult result, Evidence evidence) {}

  /**
   * Searches the index.
   *
   * @param articles the articles serving, for titles
   * @param candidates when not null, only these ids may be returned (evaluation's re-ranking)
   */
  public Ranked search(
      IndexSearcher searcher,
      Function<String, Article> articles,
      String text,
      int limit,
      Mode mode,
      Set<String> candidates)
      throws IOException {
    if (mode != Mode.BM25 && queryVectors == null) {
      throw new IllegalStateException("this index has no vectors: search in bm25 mode");
    }
    articleDocs.get().clear();
    Question question = Question.of(text, searcher.getIndexReader(), indexAnalyzer);
    Map<String, Double> bm25 = mode == Mode.VECTOR ? Map.of() : bm25(searcher, question, candidates);
    float[] vector = mode == Mode.BM25 ? null : queryVectors.get(question.text());
    Map<String, Double> similarity =
        vector == null ? Map.of() : nearest(searcher, vector, candidates);

    List<Candidate> ranked = rank(mode, bm25, similarity);
    int keep = Math.max(limit, 2);
    if (ranked.size() > keep) ranked = ranked.subList(0, keep);

    List<Double> confidences = new ArrayList<>();
    Evidence first = null;
    double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
    for (int i = 0; i < ranked.size(); i++) {
      Candidate c = ranked.get(i);
      // The margin to the best other candidate: positive for the first hit, negative for the
      // rest, so that confidence falls with rank. BM25 scores have no scale: divide by the top.
      double other = i == 0 ? (ranked.size() > 1 ? ranked.get(1).score() : 0) : top;
      double margin = mode == Mode.BM25 ? (c.score() - other) / top : c.score() - other;
      var evidence = new Evidence(c.similarity(), coverage(searcher, c.id(), question), margin);
      if (i == 0) first = evidence;
      confidences.add(
          ranking.calibration(mode).confidence(evidence.similarity(), evidence.coverage(), margin));
    }

    Decision decision = decide(confidences, ranking.calibration(mode).threshold());
    Set<String> marked = question.termsWithSynonyms(synonyms);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
      Candidate c = ranked.get(i);
      Article article = articles.apply(c.id());
      if (article == null) continue; // replaced by a build since the search began
      String snippet = snippet(searcher, c.id(), question, vector);
      hits.add(
          new SearchHit(
              c.id(),
              article.title(),
              Snippets.highlight(snippet, marked, indexAnalyzer),
              c.score(),
              confidences.get(i)));
    }
    double confidence = confidences.isEmpty() ? 0 : confidences.get(0);
    if (hits.isEmpty()) decision = Decision.ABSTAIN;
    return new Ranked(new SearchResult(text, decision, confidence, hits), first);
  }

  private Decision decide(List<Double> confidences, double threshold) {
    if (confidences.isEmpty() || confidences.get(0) < threshold) return Decision.ABSTAIN;
    if (confidences.size() > 1
        && confidences.get(1) >= threshold
        && confidences.get(0) - confidences.get(1) < ranking.clarifyGap()) {
      return Decision.CLARIFY;
    }
    return Decision.ANSWER;
  }

  private List<Candidate> rank(Mode mode, Map<String, Double> bm25, Map<String, Double> similarity) {
    double maxBm25 = bm25.values().stream().mapToDouble(d -> d).max().orElse(1);
    // An article the vector search did not reach is at most as close as the farthest one it did.
    double floor = similarity.values().stream().mapToDouble(d -> d).min().orElse(0);
    Map<String, Candidate> all = new HashMap<>();
    Collection<String> ids = new java.util.LinkedHashSet<>(bm25.keySet());
    ids.addAll(similarity.keySet());
    double w = ranking.vectorWeight();
    for (String id : ids) {
      double b = bm25.getOrDefault(id, 0.0);
      double s = similarity.getOrDefault(id, floor);
      double score =
          switch (mode) {
            case BM25 -> b;
            case VECTOR -> s;
            case HYBRID -> w * s + (1 - w) * (b / maxBm25);
          };
      score = ratings.adjust(id, score, mode == Mode.BM25);
      all.put(id, new Candidate(id, b, s, score));
    }
    return all.values().stream()
        .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id))
        .toList();
  }

  private Map<String, Double> bm25(IndexSearcher searcher, Question question, Set<String> candidates)
      throws IOException {
    Query words = question.bm25(queryAnalyzer, fieldWeights);
    if (words == null) return Map.of();
    Query query = filtered(words, Fields.TYPE_ARTICLE, candidates);
    TopDocs top = searcher.search(query, BM25_CANDIDATES);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      String id = Fields.articleId(searcher.getIndexReader(), hit.doc);
      scores.put(id, (double) hit.score);
      articleDocs.get().put(id, hit.doc);
    }
    return scores;
  }

  /** Cosine similarity of each article's closest passage, best first. */
  private Map<String, Double> nearest(IndexSearcher searcher, float[] vector, Set<String> candidates)
      throws IOException {
    Query filter =
        candidates == null
            ? null
            : filtered(null, Fields.TYPE_PASSAGE, candidates);
    var query = new KnnFloatVectorQuery(Fields.VECTOR, vector, VECTOR_PASSAGES, filter);
    TopDocs top = searcher.search(query, VECTOR_PASSAGES);
    Map<String, Double> best = new LinkedHashMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      String id = Fields.articleId(searcher.getIndexReader(), hit.doc);
      // Lucene scores DOT_PRODUCT on unit vectors as (1 + cosine) / 2.
      best.putIfAbsent(id, 2.0 * hit.score - 1);
    }
    return best;
  }

  private static Query filtered(Query query, String type, Set<String> candidates) {
    var builder = new BooleanQuery.Builder();
    if (query != null) builder.add(query, Occur.MUST);
    builder.add(new TermQuery(new Term(Fields.TYPE, type)), Occur.FILTER);
    if (candidates != null) {
      builder.add(
          new org.apache.lucene.search.TermInSetQuery(
              Fields.ARTICLE, candidates.stream().map(BytesRef::new).toList()),
          Occur.FILTER);
    }
    return builder.build();
  }

  /**
   * How much of the question the article speaks of: the idf-weighted share of the question's
   * terms (or a synonym of each) found anywhere in the article. A question about "overdraft fees"
   * may share "fee" with an article, but the rare word it is really about is missing.
   */
  private double coverage(IndexSearcher searcher, String id, Question question) throws IOException {
    if (question.terms().isEmpty()) return 0;
    IndexReader reader = searcher.getIndexReader();
    int doc = articleDoc(searcher, id);
    if (doc < 0) return 0;
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    int local = doc - leaf.docBase;
    long n = Math.max(1, reader.getDocCount(Fields.ALL));
    double total = 0;
    double covered = 0;
    for (String term : question.terms()) {
      Set<String> equivalents = synonyms.of(term);
      int df = 0;
      boolean found = false;
      for (String e : equivalents) {
        Term t = new Term(Fields.ALL, e);
        df = Math.max(df, reader.docFreq(t));
        if (!found) {
          PostingsEnum postings = leaf.reader().postings(t, PostingsEnum.NONE);
          found = postings != null && postings.advance(local) == local;
        }
      }
      double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      total += idf;
      if (found) covered += idf;
    }
    return total == 0 ? 0 : covered / total;
  }

  /** Article documents already seen by this thread's search, by id: saves a lookup per hit. */
  private final ThreadLocal<Map<String, Integer>> articleDocs = ThreadLocal.withInitial(HashMap::new);

  private int articleDoc(IndexSearcher searcher, String id) throws IOException {
    Integer known = articleDocs.get().get(id);
    if (known != null) return known;
    var query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.ARTICLE, id)), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), Occur.FILTER)
            .build();
    TopDocs top = searcher.search(query, 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  /**
   * The body passage that best answers the question: by its words if any match, else by meaning,
   * else the article's first passage.
   */
  private String snippet(IndexSearcher searcher, String id, Question question, float[] vector)
      throws IOException {
    var ofArticle =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.ARTICLE, id)), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_BODY)), Occur.FILTER)
            .build();
    StoredFields stored = searcher.storedFields();
    Query words = new QueryBuilder(queryAnalyzer).createBooleanQuery(Fields.TEXT, question.text());
    if (words != null) {
      Query query =
          new BooleanQuery.Builder().add(words, Occur.MUST).add(ofArticle, Occur.FILTER).build();
      TopDocs top = searcher.search(query, 1);
      if (top.scoreDocs.length > 0) return stored.document(top.scoreDocs[0].doc).get(Fields.TEXT);
    }
    TopDocs passages = searcher.search(ofArticle, 200);
    String best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    int firstOrdinal = Integer.MAX_VALUE;
    for (ScoreDoc hit : passages.scoreDocs) {
      Document doc = stored.document(hit.doc);
      if (vector != null && doc.getBinaryValue(Fields.VECTOR_BYTES) != null) {
        double score = dot(vector, doc.getBinaryValue(Fields.VECTOR_BYTES));
        if (score > bestScore) {
          bestScore = score;
          best = doc.get(Fields.TEXT);
        }
      } else {
        int ordinal = doc.getField(Fields.ORDINAL).numericValue().intValue();
        if (ordinal < firstOrdinal) {
          firstOrdinal = ordinal;
          best = doc.get(Fields.TEXT);
        }
      }
    }
    return best == null ? "" : best;
  }

  private static double dot(float[] vector, BytesRef bytes) {
    var buffer = java.nio.ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer();
    double sum = 0;
    for (int i = 0; i < vector.length && buffer.hasRemaining(); i++) sum += vector[i] * buffer.get();
    return sum;
  }
}
