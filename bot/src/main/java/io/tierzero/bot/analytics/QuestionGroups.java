package io.tierzero.bot.analytics;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.chat.Texts;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.embed.Embedder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Groups questions that mean the same thing, for content gaps and bursts.
 *
 * <p>By meaning, with the sentence embeddings the knowledge base already loaded: "I can't get into
 * my mailbox" and "outlook won't let me sign in" share no word, and token overlap would leave them
 * apart, while the point of a gap list is to see one missing article behind many wordings. Two
 * questions are the same when their cosine similarity is at least {@link
 * AnalyticsConfiguration#similarity()} (0.7 by default). Measured with all-MiniLM-L6-v2 on ten
 * rewordings of IT questions ("my account is locked" / "I'm locked out of my account", "new laptop
 * request" / "how do I order a new laptop"): 0.73 to 0.93. On ten pairs of different questions on
 * the same subject ("vpn disconnects" / "vpn won't install", "the printer is jammed" / "printer is
 * out of toner", "teams camera not working" / "teams microphone not working"): 0.26 to 0.64, with
 * one exception the model cannot tell apart ("reset my password" / "change my password", 0.86). So
 * 0.7 joins rewordings and keeps neighbouring problems apart.
 *
 * <p>Greedy "leader" clustering: questions are taken most frequent wording first, and each joins
 * the group whose first question it is most similar to, or starts a new one. The first question
 * stays the group's centre, so a chain of small steps cannot drag a group across topics. When the
 * knowledge base runs without a model ({@code model: none}), word overlap stands in: Jaccard
 * similarity of the questions' content words of at least 0.5.
 */
@Singleton
class QuestionGroups {
  /** Word overlap for the fallback: half the content words in common. */
  static final double MIN_WORD_OVERLAP = 0.5;

  /** Vectors kept across reports: the same questions come back in every report of a period. */
  private static final int MAX_CACHED = 50_000;

  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "the", "i", "my", "me", "is", "are", "to", "of", "and", "or", "in", "on", "it",
          "do", "how", "can", "cant", "what", "why", "for", "with", "be", "im", "this", "that",
          "not", "dont", "doesnt", "does", "won", "wont", "will", "at", "from", "you", "your", "we",
          "our", "get", "keeps", "still");

  private final Embedder embedder;
  private final double threshold;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  @Inject
  QuestionGroups(KnowledgeBase kb, AnalyticsConfiguration config) {
    this(kb.config().model().load(), config.similarity());
  }

  /**
   * @param embedder the sentence embeddings; null for word overlap
   * @param threshold the similarity at or above which two questions are one
   */
  QuestionGroups(@Nullable Embedder embedder, double threshold) {
    this.embedder = embedder;
    this.threshold = threshold;
  }

  /**
   * Groups {@code items} by the meaning of {@code text}; largest group first, ties by first seen.
   */
  <T> List<List<T>> group(List<T> items, Function<T, String> text) {
    // Identical wordings (after normalising) are one question: embed each once.
    var byWording = new LinkedHashMap<String, List<T>>();
    for (var item : items)
      byWording
          .computeIfAbsent(Texts.normalize(text.apply(item)), k -> new ArrayList<>())
          .add(item);
    var wordings = new ArrayList<>(byWording.keySet());
    wordings.sort((a, b) -> Integer.compare(byWording.get(b).size(), byWording.get(a).size()));

    var leaders = new ArrayList<String>();
    var groups = new ArrayList<List<T>>();
    for (var wording : wordings) {
      int best = -1;
      double bestScore = -1;
      for (int i = 0; i < leaders.size(); i++) {
        double score = similarity(wording, leaders.get(i));
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best >= 0 && bestScore >= (embedder == null ? MIN_WORD_OVERLAP : threshold)) {
        groups.get(best).addAll(byWording.get(wording));
      } else {
        leaders.add(wording);
        groups.add(new ArrayList<>(byWording.get(wording)));
      }
    }
    var sorted = new ArrayList<>(groups);
    sorted.sort((a, b) -> Integer.compare(b.size(), a.size()));
    return sorted;
  }

  double similarity(String a, String b) {
    if (a.equals(b)) return 1;
    // A wording with no word in it (stored before such messages stopped counting as questions)
    // is like no other; the model refuses to embed it.
    if (a.isEmpty() || b.isEmpty()) return 0;
    if (embedder == null) return wordOverlap(a, b);
    var va = vector(a);
    var vb = vector(b);
    double dot = 0;
    for (int i = 0; i < va.length; i++) dot += va[i] * vb[i];
    return dot;
  }

  private float[] vector(String text) {
    var cached = vectors.get(text);
    if (cached != null) return cached;
    if (vectors.size() > MAX_CACHED) vectors.clear();
    var v = embedder.embedQuery(text);
    vectors.put(text, v);
    return v;
  }

  static double wordOverlap(String a, String b) {
    var wa = words(a);
    var wb = words(b);
    if (wa.isEmpty() || wb.isEmpty()) return 0;
    var common = new HashSet<>(wa);
    common.retainAll(wb);
    var all = new HashSet<>(wa);
    all.addAll(wb);
    return (double) common.size() / all.size();
  }

  private static Set<String> words(String text) {
    var out = new HashSet<String>();
    for (var w : text.toLowerCase(Locale.ROOT).replace("'", "").split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty() || STOP_WORDS.contains(w)) continue;
      // A crude plural strip is enough to match "printers" with "printer" here.
      out.add(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
    }
    return out;
  }
}
