package io.tierzero.kb.cli;

import io.tierzero.kb.BuildReport;
import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.index.Progress;
import io.tierzero.kb.parse.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "index",
    description = "Builds or updates the index of an articles folder (only what changed).")
final class IndexCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ModelOption model;

  @Option(
      names = "--articles",
      required = true,
      paramLabel = "DIR",
      description = "The articles folder.")
  private Path articles;

  @Option(
      names = "--index",
      required = true,
      paramLabel = "DIR",
      description = "Where the index lives.")
  private Path index;

  @Option(names = "--full", description = "Re-index every article, not only the changed ones.")
  private boolean full;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    KbConfig config = model.apply(KbConfig.of(articles, index));
    Progress progress = TerminalProgress.to(err);
    try (KnowledgeBase kb = KnowledgeBase.open(config, progress)) {
      BuildReport report = full ? kb.rebuild(true, progress) : kb.rebuild();
      TerminalProgress.clear(err);
      for (Problem p : report.problems()) err.println(p);
      out.printf(
          "%d articles indexed in %s (model %s)%n",
          report.articles(), config.indexDir(), config.model());
      return report.problems().isEmpty() ? 0 : Main.PROBLEMS;
    }
  }
}
