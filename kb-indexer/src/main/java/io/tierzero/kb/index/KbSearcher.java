package io.tierzero.kb.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * A searcher for one version of the index that also knows, for every document, which article it
 * belongs to (the Lucene half of an {@link IndexSnapshot}). A search maps about 150 hits to
 * articles; reading doc values for each allocated more than the search itself, so the table is
 * built once when a new version opens (milliseconds, and about 8 bytes per document).
 */
public final class KbSearcher extends IndexSearcher {
  /** Enough for the words of many thousands of questions; the least used go beyond it. */
  private static final int MAX_CORRECTIONS = 50_000;

  private final String[] articleOfDoc;
  private final Map<String, Integer> articleDocs;
  private final Cache<String, String> corrections =
      Caffeine.newBuilder().maximumSize(MAX_CORRECTIONS).build();

  KbSearcher(IndexReader reader) throws IOException {
    super(reader);
    this.articleOfDoc = new String[reader.maxDoc()];
    var docs = new HashMap<String, Integer>();
    var shared = new HashMap<String, String>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.ARTICLE_ID);
      for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
        articleOfDoc[leaf.docBase + doc] = shared.computeIfAbsent(id, Function.identity());
      }
      PostingsEnum articles =
          leaf.reader().postings(new Term(Fields.TYPE, Fields.TYPE_ARTICLE), PostingsEnum.NONE);
      if (articles == null) continue;
      for (int doc = articles.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = articles.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        String id = articleOfDoc[leaf.docBase + doc];
        if (id != null) docs.put(id, leaf.docBase + doc);
      }
    }
    this.articleDocs = Map.copyOf(docs);
  }

  /** The article a document (article or passage) belongs to, or null for a deleted one. */
  public String articleOf(int doc) {
    return articleOfDoc[doc];
  }

  /** The article document of an article id, or -1 when this version does not hold it. */
  public int articleDoc(String id) {
    return articleDocs.getOrDefault(id, -1);
  }

  /**
   * The typo correction of a word against this version's vocabulary, computed once: users ask the
   * same few hundred questions, and a spelling suggestion costs more than the search.
   */
  public String correction(String word, Function<String, String> correct) {
    return corrections.get(word, correct);
  }
}
