package io.tierzero.kb.cli;

import io.tierzero.kb.KbConfig;
import io.tierzero.kb.parse.Problem;
import io.tierzero.kb.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    description =
        "Checks every article, flow and intent (problems with file and line) and that each"
            + " article's own questions find it first.")
final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ModelOption model;

  @Option(
      names = "--articles",
      required = true,
      paramLabel = "DIR",
      description = "The articles folder.")
  private Path articles;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    KbConfig config = model.apply(KbConfig.of(articles, Path.of("unused")));
    List<Problem> problems = new Validator().validate(config);
    for (Problem p : problems) out.println(p);
    if (problems.isEmpty()) {
      out.println("ok: every article is valid and its questions find it first");
      return 0;
    }
    out.println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
    return Main.PROBLEMS;
  }
}
