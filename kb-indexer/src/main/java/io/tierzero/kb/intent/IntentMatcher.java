package io.tierzero.kb.intent;

import io.tierzero.kb.index.Fields;
import io.tierzero.kb.index.KbAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.VectorUtil;

/**
 * Finds the intent closest to a message: the nearest example by meaning (cosine of sentence
 * vectors), how far ahead of the best example of any other behaviour it is, and how many of the
 * message's words that intent's examples use. Every example is compared (one dot product of 384
 * floats each, about 1,500 in the shipped intents: tens of microseconds with vector instructions),
 * so there is no approximate index to tune.
 */
public final class IntentMatcher {
  private final Intents intents;
  private final Analyzer analyzer = KbAnalyzer.forIndex();

  /** Example {@code i}'s text (as {@link #key} gives it) and, with vectors, its vector. */
  private final List<String> texts;

  private final float[][] vectors;

  /** Example {@code i}'s words, for matching by words alone. */
  private final List<List<String>> exampleTerms;

  /**
   * The distinct intents in the order their examples come, and for each example the index of its
   * intent and of its intent's behaviour. A message is compared with every example, so the
   * per-example bookkeeping is array indexing: hashing an {@link Intent} (a record over all its
   * examples) or building its behaviour's name per example cost more than the comparison itself.
   */
  private final List<Intent> owners;

  private final int[] ownerOf;
  private final int[] behaviourOf;
  private final int[] behaviourOfOwner;
  private final int behaviours;

  /** The words each intent's examples use, by the index of the intent in {@link #owners}. */
  private final List<Set<String>> vocabularies;

  /**
   * @param vectors embeds and caches examples; null matches by words alone (BM25-only setups)
   */
  public IntentMatcher(Intents intents, ExampleVectors vectors) {
    this(intents, vectors, null);
  }

  /**
   * @param normalizer cleans every example as messages are cleaned ("dont" is "don't", "pls" is
   *     "please" on both sides); null takes examples as written
   */
  public IntentMatcher(Intents intents, ExampleVectors vectors, Normalizer normalizer) {
    this.intents = intents;
    Map<String, Set<String>> vocabulary = new HashMap<>();
    var texts = new ArrayList<String>();
    var owners = new ArrayList<Intent>();
    var ownerIndex = new HashMap<Intent, Integer>();
    var behaviourIndex = new HashMap<String, Integer>();
    var exampleTerms = new ArrayList<List<String>>();
    var ownerOf = new ArrayList<Integer>();
    var behaviourOfOwner = new ArrayList<Integer>();
    for (Intent intent : intents.intents()) {
      // Answer words are matched as typed where the bot asks for them, never by meaning.
      if (intent.action().asTyped()) continue;
      var words = vocabulary.computeIfAbsent(intent.id(), k -> new HashSet<>());
      for (String example : intent.examples()) {
        String text = key(normalizer == null ? example : normalizer.normalize(example));
        texts.add(text);
        Integer owner = ownerIndex.get(intent);
        if (owner == null) {
          owner = owners.size();
          ownerIndex.put(intent, owner);
          owners.add(intent);
          behaviourOfOwner.add(
              behaviourIndex.computeIfAbsent(intent.behaviour(), b -> behaviourIndex.size()));
        }
        ownerOf.add(owner);
        var terms = terms(text);
        exampleTerms.add(List.copyOf(terms));
        words.addAll(terms);
      }
    }
    this.texts = List.copyOf(texts);
    this.exampleTerms = List.copyOf(exampleTerms);
    this.owners = List.copyOf(owners);
    this.ownerOf = ownerOf.stream().mapToInt(Integer::intValue).toArray();
    this.behaviourOfOwner = behaviourOfOwner.stream().mapToInt(Integer::intValue).toArray();
    this.behaviourOf = new int[this.ownerOf.length];
    for (int i = 0; i < behaviourOf.length; i++)
      behaviourOf[i] = this.behaviourOfOwner[this.ownerOf[i]];
    this.behaviours = behaviourIndex.size();
    this.vocabularies =
        this.owners.stream()
            .map(o -> Set.copyOf(vocabulary.getOrDefault(o.id(), Set.of())))
            .toList();
    this.vectors =
        vectors != null && !texts.isEmpty() ? vectors.of(texts).toArray(float[][]::new) : null;
  }

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
    if (texts.isEmpty()) return null;
    List<String> words = terms(key(message));
    double[] bestByBehaviour = new double[behaviours];
    double[] bestByIntent = new double[owners.size()];
    int[] nearestByIntent = new int[owners.size()];
    Arrays.fill(bestByBehaviour, Double.NEGATIVE_INFINITY);
    Arrays.fill(bestByIntent, Double.NEGATIVE_INFINITY);
    Arrays.fill(nearestByIntent, -1);
    for (int i = 0; i < texts.size(); i++) {
      double sim =
          vector != null && vectors != null
              ? dot(vector, vectors[i])
              : dice(words, exampleTerms.get(i));
      int b = behaviourOf[i];
      bestByBehaviour[b] = Math.max(bestByBehaviour[b], sim);
      int owner = ownerOf[i];
      // The first example of the intent, then only a closer one: ties keep the earlier example.
      if (nearestByIntent[owner] < 0 || sim > bestByIntent[owner]) {
        bestByIntent[owner] = sim;
        nearestByIntent[owner] = i;
      }
    }
    // The best behaviour and the runner-up: the nearest other behaviour of any intent is one of
    // them.
    int first = -1;
    for (int b = 0; b < behaviours; b++)
      if (first < 0 || bestByBehaviour[b] > bestByBehaviour[first]) first = b;
    double runnerUp = Double.NEGATIVE_INFINITY;
    for (int b = 0; b < behaviours; b++)
      if (b != first) runnerUp = Math.max(runnerUp, bestByBehaviour[b]);
    IntentEvidence best = null;
    double bestConfidence = -1;
    for (int k = 0; k < owners.size(); k++) {
      Intent intent = owners.get(k);
      double sim = bestByIntent[k];
      double other = Math.max(-1, behaviourOfOwner[k] == first ? runnerUp : bestByBehaviour[first]);
      Set<String> known = vocabularies.get(k);
      double coverage =
          words.isEmpty()
              ? 1
              : (double) words.stream().filter(known::contains).count() / words.size();
      var evidence =
          new IntentEvidence(
              intent,
              texts.get(nearestByIntent[k]),
              sim,
              other < -0.5 ? sim : sim - other,
              coverage);
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

  /**
   * Comparing a message with every example is most of what matching costs (a sixth of a chat turn's
   * CPU when summed one float at a time). Lucene's {@code VectorUtil} uses the JDK's vector
   * instructions when {@code jdk.incubator.vector} is present, as the search's own nearest-passage
   * scoring does; it sums in float, which moves a cosine by about 1e-7.
   */
  private static double dot(float[] a, float[] b) {
    return VectorUtil.dotProduct(a, b);
  }
}
