package io.tierzero.kb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The one analysis chain for articles and questions: standard tokens, possessives dropped,
 * lowercased, accents folded, English stop words removed, Porter stems.
 *
 * <p>Synonyms are applied on the query side only, after stemming: equivalence groups expand a
 * question to every spelling in the group, which matches the same documents as expanding at index
 * time without re-indexing when agents edit {@code synonyms.txt}, and multi-word synonyms need a
 * token graph that only query parsing handles correctly.
 */
public final class KbAnalyzer extends Analyzer {
  /** English stop words (Lucene's list): they carry no topic and blur BM25 and coverage. */
  public static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private final SynonymMap synonyms;
  private final boolean stopWords;

  private KbAnalyzer(SynonymMap synonyms, boolean stopWords) {
    this.synonyms = synonyms;
    this.stopWords = stopWords;
  }

  /** For indexing: no synonym expansion. */
  public static KbAnalyzer forIndex() {
    return new KbAnalyzer(null, true);
  }

  /** For questions: the index chain plus synonym expansion. */
  public static KbAnalyzer forQuery(SynonymMap synonyms) {
    return new KbAnalyzer(synonyms, true);
  }

  /**
   * For matching short phrases word by word (the ticket priority table's cues): the same stems, but
   * stop words kept, since "not" and "no" decide what a phrase means.
   */
  public static KbAnalyzer forPhrases() {
    return new KbAnalyzer(null, false);
  }

  /**
   * For reading synonym entries: stems but keeps stop words, so that every word of a multi-word
   * entry keeps its position (the synonym parser rejects holes).
   */
  static KbAnalyzer forSynonymEntries() {
    return new KbAnalyzer(null, false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(tokenizer);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    if (stopWords) stream = new StopFilter(stream, STOP_WORDS);
    stream = new PorterStemFilter(stream);
    if (synonyms != null && synonyms.fst != null) {
      stream = new SynonymGraphFilter(stream, synonyms, true);
    }
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
