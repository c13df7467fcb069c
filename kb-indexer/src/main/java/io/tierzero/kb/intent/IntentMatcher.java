package io.tierzero.kb.intent;

import io.tierzero.kb.index.Fields;
import io.tierzero.kb.index.KbAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Finds the intent closest to a message: the nearest example by meaning (cosine of sentence
 * vectors), how far ahead of the best example of any other behaviour it is, and how many of the
 * message's words that intent's examples use. Every example is compared (a few hundred dot
 * products of 384 floats: well under a millisecond), so there is no approximate index to tune.
 */
public final class IntentMatcher {
  private record Example(Intent intent, float[] vector) {}

  private final List<Example> examples;
  private final Map<String, Set<String>> vocabulary = new HashMap<>();
  private final Analyzer analyzer = KbAnalyzer.forIndex();
  private final Intents intents;

  /** @param vectors embeds and caches examples; null matches by words alone (BM25-only setups) */
  public IntentMatcher(Intents intents, ExampleVectors vectors) {
    this(intents, vectors, null);
  }

  /**
   * @param normalizer cleans every example as messages are cleaned ("dont" is "don't", "pls" is
   *     "please" on both sides); null takes examples as written
   */
  public IntentMatcher(Intents intents, ExampleVectors vectors, Normalizer normalizer) {
    this.intents = intents;
    var texts = new ArrayList<String>();
    var owners = new ArrayList<Intent>();
    for (Intent intent : intents.intents()) {
      // Answer words are matched as typed where the bot asks for them, never by meaning.
      if (intent.action().asTyped()) continue;
      var words = vocabulary.computeIfAbsent(intent.id(), k -> new HashSet<>());
      for (String example : intent.examples()) {
        String text = key(normalizer == null ? example : normalizer.normalize(example));
        texts.add(text);
        owners.add(intent);
        words.addAll(terms(text));
      }
    }
    var list = new ArrayList<Example>();
    if (vectors != null && !texts.isEmpty()) {
      var v = vectors.of(texts);
      for (int i = 0; i < texts.size(); i++) list.add(new Example(owners.get(i), v.get(i)));
    }
    this.examples = List.copyOf(list);
    this.texts = List.copyOf(texts);
    this.owners = List.copyOf(owners);
  }

  private final List<String> texts;
  private final List<Intent> owners;

  public Intents intents() {
    return intents;
  }

  /** How examples and messages are compared: the normalised text in lower case. */
  public static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The most likely intent, or null when there are no intents: each intent's nearest example by
   * meaning, the margin to the nearest example of any other behaviour, and how many of the
   * message's words the intent's examples use, weighed by {@code model}. Words decide between
   * intents that meaning puts close together ("close an issue" is near "open an issue", but only
   * ticket questions say "close").
   *
   * @param message the normalised message
   * @param vector its sentence vector (unit length), or null to match by words alone
   */
  public IntentEvidence match(String message, float[] vector, DecisionModel model) {
    if (owners.isEmpty()) return null;
    Map<String, Double> bestByBehaviour = new HashMap<>();
    Map<Intent, Double> bestByIntent = new java.util.LinkedHashMap<>();
    Map<Intent, String> nearestByIntent = new HashMap<>();
    List<String> words = terms(key(message));
    for (int i = 0; i < owners.size(); i++) {
      Intent intent = owners.get(i);
      double sim = vector != null && !examples.isEmpty()
          ? dot(vector, examples.get(i).vector())
          : dice(words, terms(texts.get(i)));
      bestByBehaviour.merge(intent.behaviour(), sim, Math::max);
      Double before = bestByIntent.get(intent);
      if (before == null || sim > before) {
        bestByIntent.put(intent, sim);
        nearestByIntent.put(intent, texts.get(i));
      }
    }
    IntentEvidence best = null;
    double bestConfidence = -1;
    for (var e : bestByIntent.entrySet()) {
      Intent intent = e.getKey();
      double sim = e.getValue();
      double other = -1;
      for (var b : bestByBehaviour.entrySet()) {
        if (!b.getKey().equals(intent.behaviour())) other = Math.max(other, b.getValue());
      }
      Set<String> known = vocabulary.getOrDefault(intent.id(), Set.of());
      double coverage = words.isEmpty() ? 1 : (double) words.stream().filter(known::contains).count() / words.size();
      var evidence = new IntentEvidence(intent, nearestByIntent.get(intent), sim, other < -0.5 ? sim : sim - other, coverage);
      double confidence = model.confidence(evidence);
      if (confidence > bestConfidence) {
        bestConfidence = confidence;
        best = evidence;
      }
    }
    return best;
  }

  private List<String> terms(String text) {
    var out = new LinkedHashSet<String>();
    try (var stream = analyzer.tokenStream(Fields.ALL, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) out.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new ArrayList<>(out);
  }

  private static double dice(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    long common = a.stream().filter(b::contains).count();
    return 2.0 * common / (a.size() + b.size());
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
