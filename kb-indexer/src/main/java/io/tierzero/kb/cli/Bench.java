package io.tierzero.kb.cli;

import java.io.PrintStream;

/** Benchmarks of index build and search latency. */
final class Bench {
  private Bench() {}

  static int run(Main.Args a, PrintStream out, PrintStream err) {
    err.println("bench: not yet available");
    return 2;
  }
}
