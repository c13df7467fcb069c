package io.tierzero.kb.search;

import java.util.Locale;

/** Which evidence ranks articles. */
public enum Mode {
  /** Words only: BM25 over the article fields. */
  BM25,
  /** Meaning only: nearest passage vectors, collapsed to articles. */
  VECTOR,
  /** Both, fused. */
  HYBRID;

  public static Mode parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown mode '" + name + "': use bm25, vector or hybrid");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
