package io.tierzero.kb.search;

import io.tierzero.kb.index.Fields;
import io.tierzero.kb.index.KbSearcher;
import io.tierzero.kb.index.Synonyms;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
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
 * The snippet of each hit: the body passage that best matches the question's words, else the one
 * closest in meaning, else the first; the question's words (and their synonyms) marked.
 */
final class SnippetFinder {
  /** More body passages than any article has; the by-meaning pass reads them all. */
  static final int MAX_PASSAGES = 200;

  private final Analyzer indexAnalyzer;
  private final Analyzer queryAnalyzer;
  private final Synonyms synonyms;

  SnippetFinder(Analyzer indexAnalyzer, Analyzer queryAnalyzer, Synonyms synonyms) {
    this.indexAnalyzer = indexAnalyzer;
    this.queryAnalyzer = queryAnalyzer;
    this.synonyms = synonyms;
  }

  /**
   * The snippet HTML of each of {@code ids}, by id.
   *
   * @param vector the question's vector; null for words alone
   */
  Map<String, String> snippets(
      KbSearcher searcher, List<String> ids, Question question, float[] vector) throws IOException {
    Set<String> marked = question.termsWithSynonyms(synonyms);
    Map<String, String> byWords = passagesByWords(searcher, ids, question);
    Map<String, String> snippets = new LinkedHashMap<>();
    for (String id : ids) {
      String passage = byWords.get(id);
      if (passage == null) passage = passageByMeaning(searcher, id, vector);
      snippets.put(id, Snippets.highlight(passage, marked, indexAnalyzer));
    }
    return snippets;
  }

  /**
   * The body passage of each candidate that best matches the question's words, in one search over
   * all of them (ties go to the earlier passage); a candidate none of whose passages matches is
   * missing from the answer.
   */
  private Map<String, String> passagesByWords(
      KbSearcher searcher, List<String> ids, Question question) throws IOException {
    Query words = new QueryBuilder(queryAnalyzer).createBooleanQuery(Fields.TEXT, question.text());
    if (words == null || ids.isEmpty()) return Map.of();
    Query query =
        new BooleanQuery.Builder()
            .add(words, Occur.MUST)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_BODY)), Occur.FILTER)
            .add(
                new TermInSetQuery(Fields.ARTICLE, ids.stream().map(BytesRef::new).toList()),
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
  private static String passageByMeaning(KbSearcher searcher, String id, float[] vector)
      throws IOException {
    var ofArticle =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.ARTICLE, id)), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_BODY)), Occur.FILTER)
            .build();
    StoredFields stored = searcher.storedFields();
    TopDocs passages = searcher.search(ofArticle, MAX_PASSAGES);
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
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer();
    double sum = 0;
    for (int i = 0; i < vector.length && buffer.hasRemaining(); i++)
      sum += vector[i] * buffer.get();
    return sum;
  }
}
