package io.tierzero.kb.search;

import io.tierzero.kb.index.Fields;
import io.tierzero.kb.index.KbSearcher;
import io.tierzero.kb.index.Synonyms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * How much of the question each candidate speaks of: the idf-weighted share of the question's terms
 * (or a synonym of each) found anywhere in the article. A question about "overdraft fees" may share
 * "fee" with an article, but the rare word it is really about is missing.
 */
final class Coverage {
  private Coverage() {}

  /** The coverage of each of {@code ids}, in [0,1], in the same order. */
  static double[] of(KbSearcher searcher, List<String> ids, Question question, Synonyms synonyms)
      throws IOException {
    double[] coverage = new double[ids.size()];
    List<String> terms = question.terms();
    if (terms.isEmpty() || ids.isEmpty()) return coverage;
    IndexReader reader = searcher.getIndexReader();
    int[] docs = new int[ids.size()];
    for (int i = 0; i < docs.length; i++) docs[i] = searcher.articleDoc(ids.get(i));
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
}
