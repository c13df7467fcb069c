package io.tierzero.kb.priority;

import io.tierzero.kb.index.KbAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Text as the priority table reads it: clauses of words, each word with the form typed and its stem
 * from the knowledge base's own analysis chain (so "hacked", "hacking" and "hack" are one word).
 * Contractions are spelt out first, with or without their apostrophe ("cant", "im", "isn’t"), since
 * people type both and "n't" is a negation.
 */
final class Words {
  /** One word: as typed (lower case) and its stem. */
  record Word(String surface, String stem) {}

  private static final KbAnalyzer ANALYZER = KbAnalyzer.forPhrases();

  /** Where one clause ends and the next starts: a negation does not reach past these. */
  private static final Pattern CLAUSE =
      Pattern.compile("[.!?;,:()\\n]+|\\s(?:but|however|although|though)\\s");

  /**
   * Auxiliaries that take "n't", written with or without the apostrophe: a closed set in English.
   */
  private static final Pattern NOT =
      Pattern.compile(
          "\\b(is|are|was|were|do|does|did|could|would|should|has|have|had|must|need|might|ai)(?:n't|nt)\\b");

  private static final List<String[]> SPELT_OUT =
      List.of(
          new String[] {"\\b(?:can't|cant|cannot)\\b", "can not"},
          new String[] {"\\b(?:won't|wont)\\b", "will not"},
          new String[] {"\\b(?:shan't|shant)\\b", "shall not"},
          new String[] {"\\bi(?:'m|m)\\b", "i am"},
          new String[] {"\\bi(?:'ve|ve)\\b", "i have"},
          new String[] {"\\b(it|that|there|what|here|he|she)'s\\b", "$1 is"},
          new String[] {
            "\\b(it|that|there|what)s\\b(?=\\s+(?:not|down|broken|gone|locked|blocked|been)\\b)",
            "$1 is"
          },
          new String[] {"\\b(you|we|they)'re\\b", "$1 are"},
          new String[] {"\\b(\\w+)'ve\\b", "$1 have"},
          new String[] {"\\b(\\w+)'ll\\b", "$1 will"},
          new String[] {"\\b(\\w+)'d\\b", "$1 would"});

  private Words() {}

  /** The clauses of {@code text}, each a list of words in order. */
  static List<List<Word>> clauses(String text) {
    var out = new ArrayList<List<Word>>();
    for (var clause : CLAUSE.split(" " + spellOut(text) + " ")) {
      var words = words(clause);
      if (!words.isEmpty()) out.add(words);
    }
    return out;
  }

  /** The words of a phrase with no clause breaks (a cue). */
  static List<Word> words(String phrase) {
    var words = new ArrayList<Word>();
    try (var stream = ANALYZER.tokenStream("", phrase)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      var offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        var surface =
            phrase
                .substring(offset.startOffset(), offset.endOffset())
                .toLowerCase(Locale.ROOT)
                .replaceAll("'s$", "");
        words.add(new Word(surface, term.toString()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return words;
  }

  static String spellOut(String text) {
    var out =
        text.toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .replace('`', '\'');
    out = NOT.matcher(out).replaceAll("$1 not");
    for (var rule : SPELT_OUT) out = Pattern.compile(rule[0]).matcher(out).replaceAll(rule[1]);
    // "n't" after anything else ("needn't", "oughtn't").
    return out.replaceAll("(\\w)n't\\b", "$1 not");
  }

  /**
   * Whether a typed word is a cue's word: the same stem, or for words of six letters or more one
   * typo (a letter added, dropped, changed, or two swapped) with the first letter right, so
   * "phising" and "ransomeware" count but "locked" is not "blocked".
   */
  static boolean same(Word typed, Word cue) {
    if (typed.stem().equals(cue.stem())) return true;
    var a = typed.surface();
    var b = cue.surface();
    if (a.length() < 6 || b.length() < 6 || a.charAt(0) != b.charAt(0)) return false;
    return Math.abs(a.length() - b.length()) <= 1 && distance(a, b) <= 1;
  }

  /**
   * Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring).
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** For messages: the words of a match as typed. */
  static String join(List<Word> words, int from, int to) {
    var out = new StringBuilder();
    for (int i = from; i < to; i++) out.append(i > from ? " " : "").append(words.get(i).surface());
    return out.toString();
  }
}
