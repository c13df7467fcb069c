package io.tierzero.kb.search;

import io.tierzero.kb.index.Fields;
import io.tierzero.kb.index.KbAnalyzer;
import io.tierzero.kb.index.KbSearcher;
import io.tierzero.kb.index.Synonyms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.QueryBuilder;

/**
 * A user's question made ready for the index: misspelled words corrected against the knowledge
 * base's own vocabulary, analysed into terms, and turned into the weighted BM25 query.
 *
 * @param text the question after typo correction (what is embedded too)
 * @param terms the distinct analysed terms, without synonyms, for measuring coverage
 */
public record Question(String original, String text, List<String> terms) {
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}']*");

  /**
   * Short words have too many neighbours one edit away to correct safely; long words may be two
   * edits off. The accuracy floor (1 - edits / length) keeps "pasword" -> "password" while leaving
   * a word the knowledge base has never seen ("overdraft") alone.
   */
  private static final int MIN_CORRECTABLE_LENGTH = 4;

  private static final float MIN_ACCURACY = 0.8f;

  /** Prepares a question; {@code searcher} supplies the vocabulary for typo correction. */
  public static Question of(String question, KbSearcher searcher, Analyzer indexAnalyzer) {
    String corrected = correct(question, searcher);
    List<String> terms = new ArrayList<>(new LinkedHashSet<>(analyze(indexAnalyzer, corrected)));
    return new Question(question, corrected, terms);
  }

  static String correct(String question, KbSearcher searcher) {
    Matcher words = WORD.matcher(question);
    StringBuilder out = new StringBuilder();
    while (words.find()) {
      String word = words.group().toLowerCase(Locale.ROOT);
      String replacement = words.group();
      if (word.length() >= MIN_CORRECTABLE_LENGTH && !KbAnalyzer.STOP_WORDS.contains(word)) {
        String suggestion =
            searcher.correction(word, w -> suggestion(w, searcher.getIndexReader()));
        if (!suggestion.isEmpty()) replacement = suggestion;
      }
      words.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    words.appendTail(out);
    return out.toString();
  }

  /**
   * The closest word of the knowledge base to an unknown {@code word}; empty for a known word or
   * none.
   */
  private static String suggestion(String word, IndexReader reader) {
    try {
      if (reader.docFreq(new Term(Fields.SPELL, word)) > 0) return "";
      var checker = new DirectSpellChecker();
      checker.setAccuracy(MIN_ACCURACY);
      checker.setMinQueryLength(MIN_CORRECTABLE_LENGTH);
      SuggestWord[] suggestions =
          checker.suggestSimilar(
              new Term(Fields.SPELL, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return suggestions.length > 0 ? suggestions[0].string : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The BM25 query: the question analysed with synonyms in each field, each field boosted by its
   * weight, summed. Returns null when no word of the question is searchable.
   */
  public Query bm25(Analyzer queryAnalyzer, Map<String, Float> fieldWeights) {
    QueryBuilder builder = new QueryBuilder(queryAnalyzer);
    var query = new BooleanQuery.Builder();
    boolean any = false;
    for (var field : fieldWeights.entrySet()) {
      Query q = builder.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
      if (q != null) {
        query.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
        any = true;
      }
    }
    return any ? query.build() : null;
  }

  /** The terms with every single-word synonym, for marking matched words in a snippet. */
  public Set<String> termsWithSynonyms(Synonyms synonyms) {
    Set<String> all = new LinkedHashSet<>();
    for (String term : terms) all.addAll(synonyms.of(term));
    return all;
  }

  static List<String> analyze(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (var stream = analyzer.tokenStream(Fields.ALL, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) tokens.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return tokens;
  }
}
