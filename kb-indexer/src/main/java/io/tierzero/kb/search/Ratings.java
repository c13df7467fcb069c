package io.tierzero.kb.search;

import java.util.Map;

/**
 * Users' votes on articles as a mild ranking prior. Helpfulness is a Bayesian average that starts
 * every article at neutral: {@code (up + PRIOR_VOTES / 2) / (up + down + PRIOR_VOTES)}, so a
 * handful of votes barely moves it. Its effect on a score is bounded by {@link #MAX_SHIFT}: it can
 * reorder articles that are nearly tied on relevance, never lift a poor match above a good one.
 */
public final class Ratings {
  /** Neutral votes every article starts with: ten votes' worth of "no opinion". */
  public static final double PRIOR_VOTES = 10;

  /**
   * The most a score moves (up or down) for a perfectly (un)helpful article: 0.01 of cosine
   * similarity in hybrid and vector ranking, 1% of the score in BM25 ranking. Dev questions' first
   * and second hits differ by more than this in 9 of 10 cases (README).
   */
  public static final double MAX_SHIFT = 0.01;

  /** Votes on one article. */
  public record Votes(long up, long down) {
    public Votes {
      if (up < 0 || down < 0) throw new IllegalArgumentException("votes must be >= 0");
    }
  }

  public static final Ratings NONE = new Ratings(Map.of());

  private final Map<String, Votes> votes;

  public Ratings(Map<String, Votes> votes) {
    this.votes = Map.copyOf(votes);
  }

  /** Helpfulness in (0,1), 0.5 for an article nobody rated. */
  public double helpfulness(String id) {
    Votes v = votes.get(id);
    if (v == null) return 0.5;
    return (v.up() + PRIOR_VOTES / 2) / (v.up() + v.down() + PRIOR_VOTES);
  }

  /** The score with the prior applied; {@code relative} for scores without a fixed scale (BM25). */
  double adjust(String id, double score, boolean relative) {
    double shift = 2 * MAX_SHIFT * (helpfulness(id) - 0.5);
    return relative ? score * (1 + shift) : score + shift;
  }

  public boolean isEmpty() {
    return votes.isEmpty();
  }
}
