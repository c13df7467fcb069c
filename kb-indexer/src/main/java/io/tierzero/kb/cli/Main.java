package io.tierzero.kb.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The knowledge base command line: index, search, validate, eval, eval-intents, bench, import. */
@Command(
    name = "kb-indexer",
    mixinStandardHelpOptions = true,
    version = "kb-indexer 0.1.0",
    description = "Builds, searches, checks and measures a Markdown knowledge base.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      ValidateCommand.class,
      EvalCommand.class,
      EvalIntentsCommand.class,
      BenchCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:problems found (index, validate)", "2:bad usage or failure"})
public final class Main implements Runnable {
  /** Exit code for a command that ran and found problems in the knowledge base. */
  static final int PROBLEMS = 1;

  /** Exit code for a command line that is wrong or a run that failed. */
  static final int FAILED = 2;

  private final PrintStream out;
  private final PrintStream err;
  @Spec private CommandSpec spec;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new Main(System.out, System.err).run(args));
  }

  /**
   * Runs a command line; returns the exit code: 0 done, 1 problems found, 2 bad usage or failure.
   */
  int run(String... args) {
    CommandLine cli = new CommandLine(this);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    // A mistake on the command line (picocli's ParameterException, also when a command finds one
    // after parsing) prints the message and the usage; anything else is a failure of the run,
    // reported in one line without a stack trace.
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          command.getErr().println("error: " + e.getMessage());
          return FAILED;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }
}
