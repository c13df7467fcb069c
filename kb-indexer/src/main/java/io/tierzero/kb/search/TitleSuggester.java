package io.tierzero.kb.search;

import io.tierzero.kb.parse.Article;
import io.tierzero.kb.text.TypedText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Typeahead over article titles and the ways users ask for them. Every typed word must start a word
 * of the title or of one question; the last word may be unfinished. In memory: a scan of 10,000
 * articles takes well under a millisecond, so it keeps up with every key.
 */
public final class TitleSuggester {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private record Entry(String id, String title, String[] titleWords, List<String[]> questions) {}

  private final List<Entry> entries = new ArrayList<>();

  public TitleSuggester(Collection<Article> articles) {
    for (Article a : articles) {
      List<String[]> questions = a.questions().stream().map(TitleSuggester::words).toList();
      entries.add(new Entry(a.id(), a.title(), words(a.title()), questions));
    }
    entries.sort(Comparator.comparing(Entry::title));
  }

  public List<Suggestion> suggest(String typed, int limit) {
    String[] words = words(typed == null ? "" : typed);
    if (words.length == 0 || limit < 1) return List.of();
    record Match(Entry entry, int rank) {}
    List<Match> matches = new ArrayList<>();
    for (Entry e : entries) {
      int at = position(e.titleWords(), words);
      if (at >= 0) {
        matches.add(new Match(e, at));
        continue;
      }
      for (String[] question : e.questions()) {
        // A match in a question ranks after any match in a title.
        if (position(question, words) >= 0) {
          matches.add(new Match(e, 1000));
          break;
        }
      }
    }
    return matches.stream()
        .sorted(Comparator.comparingInt(Match::rank).thenComparing(m -> m.entry().title().length()))
        .limit(limit)
        .map(m -> new Suggestion(m.entry().id(), m.entry().title()))
        .toList();
  }

  /** Where the first typed word matches, or -1 unless every typed word starts some word. */
  private static int position(String[] target, String[] typed) {
    int first = -1;
    for (String word : typed) {
      int found = -1;
      for (int i = 0; i < target.length; i++) {
        if (target[i].startsWith(word)) {
          found = i;
          break;
        }
      }
      if (found < 0) return -1;
      if (first < 0) first = found;
    }
    return first;
  }

  static String[] words(String text) {
    String folded =
        Normalizer.normalize(TypedText.clean(text), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .strip();
    if (folded.isEmpty()) return new String[0];
    return NON_WORD.splitAsStream(folded).filter(w -> !w.isEmpty()).toArray(String[]::new);
  }
}
