package io.tierzero.kb;

import io.tierzero.kb.parse.Problem;
import java.util.List;

/**
 * What one index build did.
 *
 * @param articles articles serving after the build
 * @param embedded passages embedded by the model (the rest came from the vector cache)
 * @param problems broken files; a broken file's previous version, if any, keeps serving
 */
public record BuildReport(
    int articles,
    int added,
    int updated,
    int removed,
    int unchanged,
    int embedded,
    List<Problem> problems,
    long millis) {
  public BuildReport {
    problems = List.copyOf(problems);
  }

  public boolean changed() {
    return added + updated + removed > 0;
  }
}
