package io.tierzero.kb.search;

import io.tierzero.kb.index.KbSearcher;
import io.tierzero.kb.index.Synonyms;
import io.tierzero.kb.search.ArticleSearcher.Evidence;
import io.tierzero.kb.search.Candidates.Candidate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the first candidate answers the question: a calibrated confidence per candidate from its
 * evidence (closest cosine, coverage of the question's words, margin to the best other one), then
 * answer, ask which of two, or abstain.
 */
final class AnswerDecider {
  private final Ranking ranking;
  private final Synonyms synonyms;

  AnswerDecider(Ranking ranking, Synonyms synonyms) {
    this.ranking = ranking;
    this.synonyms = synonyms;
  }

  /**
   * @param confidences one per candidate, in rank order
   * @param first the evidence behind the first candidate's confidence, null when there is none
   */
  record Judged(List<Double> confidences, Evidence first, Decision decision) {}

  Judged judge(KbSearcher searcher, List<Candidate> ranked, Question question, Mode mode)
      throws IOException {
    List<Double> confidences = new ArrayList<>();
    Evidence first = null;
    double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
    double[] coverage =
        Coverage.of(searcher, ranked.stream().map(Candidate::id).toList(), question, synonyms);
    Ranking.Calibration calibration = ranking.calibration(mode);
    for (int i = 0; i < ranked.size(); i++) {
      Candidate c = ranked.get(i);
      // The margin to the best other candidate: positive for the first hit, negative for the
      // rest, so that confidence falls with rank. BM25 scores have no scale: divide by the top.
      double other = i == 0 ? (ranked.size() > 1 ? ranked.get(1).score() : 0) : top;
      double margin = mode == Mode.BM25 ? (c.score() - other) / top : c.score() - other;
      var evidence = new Evidence(c.similarity(), coverage[i], margin);
      if (i == 0) first = evidence;
      confidences.add(calibration.confidence(evidence.similarity(), evidence.coverage(), margin));
    }
    return new Judged(confidences, first, decide(confidences, calibration.threshold()));
  }

  /**
   * Abstain below the threshold; ask which of two when the first two are both above it and within
   * {@link Ranking#clarifyGap()} of each other; otherwise answer.
   */
  Decision decide(List<Double> confidences, double threshold) {
    if (confidences.isEmpty() || confidences.get(0) < threshold) return Decision.ABSTAIN;
    if (confidences.size() > 1
        && confidences.get(1) >= threshold
        && confidences.get(0) - confidences.get(1) < ranking.clarifyGap()) {
      return Decision.CLARIFY;
    }
    return Decision.ANSWER;
  }
}
