package io.tierzero.kb.index;

import io.tierzero.kb.embed.Embedder;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Passage vectors by a key of model and text: the index stores each passage's vector with its key,
 * so a build embeds only text it has not embedded before with this model.
 */
final class VectorCache {
  /** Texts per call to the model: large enough to keep it busy, small enough to report progress. */
  static final int BATCH = 256;

  private final Embedder embedder;

  VectorCache(Embedder embedder) {
    if (embedder == null) throw new IllegalArgumentException("embedder must not be null");
    this.embedder = embedder;
  }

  /** Vectors by key, and how many texts the model had to embed for them. */
  record Vectors(Map<String, float[]> byKey, int embedded) {}

  /** What identifies a text embedded by this model. */
  String key(String text) {
    return ArticleFiles.sha256(embedder.name() + "\n" + text);
  }

  /**
   * A vector for each of {@code texts}: from {@code stored} where the key is there, the rest
   * embedded, each distinct text once.
   */
  Vectors vectors(Collection<String> texts, Map<String, float[]> stored, Progress progress) {
    Map<String, float[]> vectors = new HashMap<>(stored);
    Map<String, String> missing = new LinkedHashMap<>();
    for (String text : texts) {
      String key = key(text);
      if (!vectors.containsKey(key)) missing.putIfAbsent(key, text);
    }
    List<String> keys = List.copyOf(missing.keySet());
    List<String> pending = List.copyOf(missing.values());
    for (int from = 0; from < pending.size(); from += BATCH) {
      progress.update("embedding", from, pending.size());
      int to = Math.min(pending.size(), from + BATCH);
      List<float[]> result = embedder.embedPassages(pending.subList(from, to));
      for (int i = 0; i < result.size(); i++) vectors.put(keys.get(from + i), result.get(i));
    }
    if (!pending.isEmpty()) progress.update("embedding", pending.size(), pending.size());
    return new Vectors(vectors, pending.size());
  }

  /** The vectors an index stores by key, for the given articles (null: all). */
  static Map<String, float[]> stored(IndexSearcher searcher, Set<String> articleIds)
      throws IOException {
    Map<String, float[]> vectors = new HashMap<>();
    if (articleIds != null && articleIds.isEmpty()) return vectors;
    var query = new BooleanQuery.Builder();
    query.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), Occur.FILTER);
    if (articleIds != null) {
      query.add(
          new TermInSetQuery(Fields.ARTICLE, articleIds.stream().map(BytesRef::new).toList()),
          Occur.FILTER);
    }
    ScoreDoc[] hits =
        searcher.search(query.build(), Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs;
    StoredFields fields = searcher.storedFields();
    for (ScoreDoc hit : hits) {
      Document doc = fields.document(hit.doc, Set.of(Fields.VECTOR_KEY, Fields.VECTOR_BYTES));
      String key = doc.get(Fields.VECTOR_KEY);
      BytesRef bytes = doc.getBinaryValue(Fields.VECTOR_BYTES);
      if (key != null && bytes != null) vectors.put(key, Fields.toFloats(bytes));
    }
    return vectors;
  }
}
