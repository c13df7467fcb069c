package io.tierzero.kb.embed;

import java.util.List;

/**
 * Turns text into a unit-length vector whose dot product with another measures closeness in
 * meaning.
 */
public interface Embedder {
  /** Names the model; vectors from different names are never mixed in one index. */
  String name();

  int dimensions();

  /** Embeds passages, one vector per text, in order. */
  List<float[]> embedPassages(List<String> texts);

  /**
   * Embeds a question; some models expect a prefix on questions that passages do not get. A text
   * without a letter or digit ("???", an emoji, only invisible characters) is the zero vector:
   * close to nothing.
   */
  float[] embedQuery(String question);
}
