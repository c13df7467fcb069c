package io.tierzero.kb.eval;

import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.search.ArticleSearcher;
import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.search.Ranking;
import io.tierzero.kb.search.Ranking.Calibration;
import io.tierzero.kb.search.SearchHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures retrieval on question files against one index of the articles, for each requested
 * ranking mode and optionally the plain BM25 baseline, and can fit the confidence model.
 */
public final class Evaluation {
  /** Depth of the ranking that MRR@10 and nDCG@10 look at. */
  static final int DEPTH = 10;

  private final KnowledgeBase kb;

  public Evaluation(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** Results by system, then by question file name. */
  public Map<String, Object> run(
      Map<String, List<EvalQuery>> files, List<Mode> modes, boolean baseline, boolean calibrate)
      throws IOException {
    Map<String, Object> systems = new LinkedHashMap<>();
    if (baseline) {
      try (var bm25 = new Bm25Baseline(kb.articles())) {
        Map<String, Object> byFile = new LinkedHashMap<>();
        for (var file : files.entrySet()) {
          List<Metrics.Outcome> outcomes = new ArrayList<>();
          for (EvalQuery q : file.getValue()) {
            List<String> ranked =
                bm25.rank(q.query(), q.candidates() == null ? DEPTH : Integer.MAX_VALUE / 2);
            if (q.candidates() != null)
              ranked = ranked.stream().filter(q.candidates()::contains).limit(DEPTH).toList();
            outcomes.add(new Metrics.Outcome(ranked, q.relevant(), true));
          }
          byFile.put(file.getKey(), Metrics.of(outcomes));
        }
        systems.put("baseline", byFile);
      }
    }
    Ranking ranking = kb.config().ranking();
    Map<String, Object> fitted = new LinkedHashMap<>();
    for (Mode mode : modes) {
      Map<String, List<Run>> runs = new LinkedHashMap<>();
      List<Calibrator.Sample> samples = new ArrayList<>();
      for (var file : files.entrySet()) {
        List<Run> fileRuns = new ArrayList<>();
        for (EvalQuery q : file.getValue()) {
          ArticleSearcher.Ranked r = kb.ranked(q.query(), DEPTH, mode, q.candidates());
          List<String> ranked = r.result().hits().stream().map(SearchHit::id).toList();
          var e = r.evidence();
          boolean correct = !ranked.isEmpty() && q.relevant().contains(ranked.get(0));
          var sample =
              e == null
                  ? new Calibrator.Sample(0, 0, 0, false, q.inScope())
                  : new Calibrator.Sample(
                      e.similarity(), e.coverage(), e.margin(), correct, q.inScope());
          samples.add(sample);
          fileRuns.add(new Run(q, ranked, r.result().decision() != Decision.ABSTAIN, sample));
        }
        runs.put(file.getKey(), fileRuns);
      }
      Calibration calibration = ranking.calibration(mode);
      if (calibrate) {
        calibration = Calibrator.fit(samples, mode != Mode.BM25, mode != Mode.VECTOR, true);
        fitted.put(mode.toString(), calibration);
      }
      Map<String, Object> byFile = new LinkedHashMap<>();
      for (var file : runs.entrySet()) {
        List<Metrics.Outcome> outcomes = new ArrayList<>();
        for (Run run : file.getValue()) {
          boolean answered =
              calibrate
                  ? !run.ranked().isEmpty()
                      && Calibrator.confidence(calibration, run.sample()) >= calibration.threshold()
                  : run.answered();
          outcomes.add(new Metrics.Outcome(run.ranked(), run.query().relevant(), answered));
        }
        byFile.put(file.getKey(), Metrics.of(outcomes));
      }
      systems.put(mode.toString(), byFile);
    }
    if (calibrate) systems.put("calibration", fitted);
    return systems;
  }

  private record Run(
      EvalQuery query, List<String> ranked, boolean answered, Calibrator.Sample sample) {}

  /** A temporary index of {@code articles} for the run; the caller deletes {@code indexDir}. */
  public static KnowledgeBase open(KbConfig config, Path indexDir) throws IOException {
    return KnowledgeBase.open(
        new KbConfig(
            config.articlesDir(),
            indexDir,
            config.model(),
            config.mode(),
            config.ranking(),
            config.queryCacheSize()));
  }
}
