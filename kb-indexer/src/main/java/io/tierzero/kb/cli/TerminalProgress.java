package io.tierzero.kb.cli;

import io.tierzero.kb.index.Progress;
import java.io.PrintWriter;

/** Progress on one rewritten line, only when a person is watching a terminal. */
final class TerminalProgress {
  private TerminalProgress() {}

  static Progress to(PrintWriter err) {
    if (System.console() == null) return Progress.NONE;
    return (phase, done, total) -> {
      err.printf("\r%s %d/%d   ", phase, done, total);
      err.flush();
    };
  }

  static void clear(PrintWriter err) {
    if (System.console() != null) err.print("\r                                        \r");
  }
}
