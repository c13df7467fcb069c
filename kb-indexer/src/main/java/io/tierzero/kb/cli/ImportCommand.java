package io.tierzero.kb.cli;

import io.tierzero.kb.importing.Importer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    description =
        "Brings articles in from another tool: an HTML page or folder of pages (such as a"
            + " Confluence space export), a Zendesk Guide articles JSON export, or Markdown with"
            + " other front matter.")
final class ImportCommand implements Callable<Integer> {
  /** The formats {@code --from} takes. */
  enum Format {
    html,
    zendesk,
    markdown
  }

  @Spec private CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "html|zendesk|markdown",
      description = "The source's format.")
  private Format from;

  @Option(
      names = "--articles",
      required = true,
      paramLabel = "DIR",
      description = "The articles folder to write into.")
  private Path articles;

  @Option(
      names = "--category",
      paramLabel = "NAME",
      description = "Category for pages without one (default: ${DEFAULT-VALUE}).")
  private String category = "imported";

  @Option(
      names = "--owner",
      paramLabel = "TEAM",
      description = "Owner of the imported articles (default: ${DEFAULT-VALUE}).")
  private String owner = "service-desk";

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  private Path report = Path.of("import-report.md");

  @Parameters(paramLabel = "SOURCE", description = "The export file or folder.")
  private Path source;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(source)) {
      throw new ParameterException(spec.commandLine(), "No such file or folder: " + source);
    }
    var options = new Importer.Options(articles, category, owner, LocalDate.now(ZoneOffset.UTC));
    var result = new Importer().run(Importer.read(from.name(), source), options);
    Files.writeString(report, result.markdown());
    out.printf(
        "%d articles written under %s; report in %s%n",
        result.entries().size(), options.articlesDir(), report);
    out.println("Next: write 'questions' for each, then run validate.");
    return 0;
  }
}
