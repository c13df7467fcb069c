package io.tierzero.kb.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits articles into passages of at most {@link #MAX_WORDS} words, at sentence boundaries within
 * a section.
 */
public final class Passages {
  /**
   * all-MiniLM-L6-v2 reads 128 word pieces and silently drops the rest; ~100 English words make
   * about 128 pieces, and the title and heading put in front of each passage take some of them.
   */
  public static final int MAX_WORDS = 80;

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+|\\n+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Passages() {}

  public static List<Passage> of(Article article) {
    List<Passage> passages = new ArrayList<>();
    for (Section section : article.sections()) {
      List<String> words = new ArrayList<>();
      for (String sentence : SENTENCE_END.split(section.text())) {
        String[] sentenceWords = SPACE.split(sentence.strip());
        if (sentenceWords.length == 0 || sentenceWords[0].isEmpty()) continue;
        if (!words.isEmpty() && words.size() + sentenceWords.length > MAX_WORDS) {
          passages.add(passage(article, passages.size(), section, words));
          words.clear();
        }
        for (String word : sentenceWords) {
          words.add(word);
          // A single sentence longer than the window is cut, not dropped.
          if (words.size() == MAX_WORDS) {
            passages.add(passage(article, passages.size(), section, words));
            words.clear();
          }
        }
      }
      if (!words.isEmpty()) passages.add(passage(article, passages.size(), section, words));
    }
    return passages;
  }

  private static Passage passage(
      Article article, int ordinal, Section section, List<String> words) {
    return new Passage(article.id(), ordinal, section.heading(), String.join(" ", words));
  }
}
