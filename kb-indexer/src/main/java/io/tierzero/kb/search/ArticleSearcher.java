package io.tierzero.kb.search;

import io.tierzero.kb.embed.QueryVectors;
import io.tierzero.kb.index.Fields;
import io.tierzero.kb.index.KbAnalyzer;
import io.tierzero.kb.index.KbSearcher;
import io.tierzero.kb.index.Synonyms;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.text.TypedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
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

  /**
   * @param queryVectors embeds questions; null when the index has no vectors
   */
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
      KbSearcher searcher,
      Function<String, Article> articles,
      String text,
      int limit,
      Mode mode,
      Set<String> candidates)
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
    Question question = Question.of(plain, searcher, indexAnalyzer);
    Map<String, Double> bm25 =
        mode == Mode.VECTOR ? Map.of() : bm25(searcher, question, candidates);
    float[] vector = mode == Mode.BM25 ? null : queryVectors.get(question.text());
    Map<String, Double> similarity =
        vector == null ? Map.of() : nearest(searcher, vector, candidates);

    List<Candidate> ranked = rank(mode, bm25, similarity);
    int keep = Math.max(limit, 2);
    if (ranked.size() > keep) ranked = ranked.subList(0, keep);

    List<Double> confidences = new ArrayList<>();
    Evidence first = null;
    double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
    double[] coverage = coverage(searcher, ranked, question);
    for (int i = 0; i < ranked.size(); i++) {
      Candidate c = ranked.get(i);
      // The margin to the best other candidate: positive for the first hit, negative for the
      // rest, so that confidence falls with rank. BM25 scores have no scale: divide by the top.
      double other = i == 0 ? (ranked.size() > 1 ? ranked.get(1).score() : 0) : top;
      double margin = mode == Mode.BM25 ? (c.score() - other) / top : c.score() - other;
      var evidence = new Evidence(c.similarity(), coverage[i], margin);
      if (i == 0) first = evidence;
      confidences.add(
          ranking.calibration(mode).confidence(evidence.similarity(), evidence.coverage(), margin));
    }

    Decision decision = decide(confidences, ranking.calibration(mode).threshold());
    Set<String> marked = question.termsWithSynonyms(synonyms);
    List<SearchHit> hits = new ArrayList<>();
    List<Candidate> shown = ranked.subList(0, Math.min(limit, ranked.size()));
    Map<String, String> byWords = passagesByWords(searcher, shown, question);
    for (int i = 0; i < shown.size(); i++) {
      Candidate c = shown.get(i);
      Article article = articles.apply(c.id());
      if (article == null) continue; // replaced by a build since the search began
      String snippet = byWords.get(c.id());
      if (snippet == null) snippet = passageByMeaning(searcher, c.id(), vector);
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

  private List<Candidate> rank(
      Mode mode, Map<String, Double> bm25, Map<String, Double> similarity) {
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
        .sorted(
            Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id))
        .toList();
  }

  private Map<String, Double> bm25(KbSearcher searcher, Question question, Set<String> candidates)
      throws IOException {
    Query words = question.bm25(queryAnalyzer, fieldWeights);
    if (words == null) return Map.of();
    Query query = filtered(words, Fields.TYPE_ARTICLE, candidates);
    TopDocs top = searcher.search(query, BM25_CANDIDATES);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      scores.put(searcher.articleOf(hit.doc), (double) hit.score);
    }
    return scores;
  }

  /** Cosine similarity of each article's closest passage, best first. */
  private Map<String, Double> nearest(KbSearcher searcher, float[] vector, Set<String> candidates)
      throws IOException {
    Query filter = candidates == null ? null : filtered(null, Fields.TYPE_PASSAGE, candidates);
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

  private static Query filtered(Query query, String type, Set<String> candidates) {
    var builder = new BooleanQuery.Builder();
    if (query != null) builder.add(query, Occur.MUST);
    builder.add(new TermQuery(new Term(Fields.TYPE, type)), Occur.FILTER);
    if (candidates != null) {
      builder.add(
          new TermInSetQuery(Fields.ARTICLE, candidates.stream().map(BytesRef::new).toList()),
          Occur.FILTER);
    }
    return builder.build();
  }

  /**
   * How much of the question each candidate speaks of: the idf-weighted share of the question's
   * terms (or a synonym of each) found anywhere in the article. A question about "overdraft fees"
   * may share "fee" with an article, but the rare word it is really about is missing.
   */
  private double[] coverage(KbSearcher searcher, List<Candidate> ranked, Question question)
      throws IOException {
    double[] coverage = new double[ranked.size()];
    List<String> terms = question.terms();
    if (terms.isEmpty() || ranked.isEmpty()) return coverage;
    IndexReader reader = searcher.getIndexReader();
    int[] docs = new int[ranked.size()];
    for (int i = 0; i < docs.length; i++) docs[i] = searcher.articleDoc(ranked.get(i).id());
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));

    List<List<BytesRef>> equivalents = new ArrayList<>();
    for (String term : terms)
      equivalents.add(synonyms.of(term).stream().map(BytesRef::new).toList());
    long[][] df = new long[terms.size()][];
    boolean[][] found = new boolean[terms.size()][docs.length];
    for (int t = 0; t < terms.size(); t++) df[t] = new long[equivalents.get(t).size()];
    // One terms enum and one postings enum per segment, reused for every word: a fresh one per
    // word and candidate allocated more than the rest of the search.
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms all = leaf.reader().terms(Fields.ALL);
      if (all == null) continue;
      TermsEnum words = all.iterator();
      PostingsEnum reuse = null;
      int end = leaf.docBase + leaf.reader().maxDoc();
      for (int t = 0; t < terms.size(); t++) {
        for (int e = 0; e < equivalents.get(t).size(); e++) {
          if (!words.seekExact(equivalents.get(t).get(e))) continue;
          df[t][e] += words.docFreq();
          PostingsEnum postings = null;
          for (int i : order) {
            if (found[t][i] || docs[i] < leaf.docBase || docs[i] >= end) continue;
            if (postings == null) postings = reuse = words.postings(reuse, PostingsEnum.NONE);
            int local = docs[i] - leaf.docBase;
            int at = postings.docID() < local ? postings.advance(local) : postings.docID();
            if (at == local) found[t][i] = true;
          }
        }
      }
    }
    long n = Math.max(1, reader.getDocCount(Fields.ALL));
    double total = 0;
    double[] covered = new double[docs.length];
    for (int t = 0; t < terms.size(); t++) {
      long termDf = Arrays.stream(df[t]).max().orElse(0);
      double idf = Math.log(1 + (n - termDf + 0.5) / (termDf + 0.5));
      total += idf;
      for (int i = 0; i < docs.length; i++) if (found[t][i]) covered[i] += idf;
    }
    for (int i = 0; i < docs.length; i++) coverage[i] = total == 0 ? 0 : covered[i] / total;
    return coverage;
  }

  /**
   * The body passage of each candidate that best matches the question's words, in one search over
   * all of them (ties go to the earlier passage); a candidate none of whose passages matches is
   * missing from the answer.
   */
  private Map<String, String> passagesByWords(
      KbSearcher searcher, List<Candidate> candidates, Question question) throws IOException {
    Query words = new QueryBuilder(queryAnalyzer).createBooleanQuery(Fields.TEXT, question.text());
    if (words == null || candidates.isEmpty()) return Map.of();
    Query query =
        new BooleanQuery.Builder()
            .add(words, Occur.MUST)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_BODY)), Occur.FILTER)
            .add(
                new TermInSetQuery(
                    Fields.ARTICLE, candidates.stream().map(c -> new BytesRef(c.id())).toList()),
                Occur.FILTER)
            .build();
    Map<String, ScoreDoc> best = searcher.search(query, new BestPerArticle(searcher));
    StoredFields stored = searcher.storedFields();
    Map<String, String> passages = new HashMap<>();
    for (var entry : best.entrySet()) {
      passages.put(entry.getKey(), stored.document(entry.getValue().doc).get(Fields.TEXT));
    }
    return passages;
  }

  /** Collects the best-scoring document of each article. */
  private record BestPerArticle(KbSearcher searcher)
      implements CollectorManager<BestPerArticle.Best, Map<String, ScoreDoc>> {
    static final class Best extends SimpleCollector {
      private final KbSearcher searcher;
      private final Map<String, ScoreDoc> best = new HashMap<>();
      private Scorable scorer;
      private int docBase;

      Best(KbSearcher searcher) {
        this.searcher = searcher;
      }

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        docBase = context.docBase;
      }

      @Override
      public void setScorer(Scorable scorer) {
        this.scorer = scorer;
      }

      @Override
      public void collect(int doc) throws IOException {
        float score = scorer.score();
        String id = searcher.articleOf(docBase + doc);
        ScoreDoc current = best.get(id);
        // Documents arrive in order, so on a tie the earlier passage stays.
        if (current == null || score > current.score)
          best.put(id, new ScoreDoc(docBase + doc, score));
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE;
      }
    }

    @Override
    public Best newCollector() {
      return new Best(searcher);
    }

    @Override
    public Map<String, ScoreDoc> reduce(Collection<Best> collectors) {
      Map<String, ScoreDoc> all = new HashMap<>();
      for (Best collector : collectors) {
        collector.best.forEach(
            (id, doc) ->
                all.merge(
                    id,
                    doc,
                    (a, b) -> b.score > a.score || (b.score == a.score && b.doc < a.doc) ? b : a));
      }
      return all;
    }
  }

  /**
   * The body passage of an article closest in meaning to the question, or without a question vector
   * its first passage: for an article that none of the question's words reach.
   */
  private String passageByMeaning(KbSearcher searcher, String id, float[] vector)
      throws IOException {
    var ofArticle =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.ARTICLE, id)), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_BODY)), Occur.FILTER)
            .build();
    StoredFields stored = searcher.storedFields();
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
    var buffer =
        java.nio.ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer();
    double sum = 0;
    for (int i = 0; i < vector.length && buffer.hasRemaining(); i++)
      sum += vector[i] * buffer.get();
    return sum;
  }
}
