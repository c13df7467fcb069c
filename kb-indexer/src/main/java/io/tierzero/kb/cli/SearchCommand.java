package io.tierzero.kb.cli;

import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import io.tierzero.kb.index.KbIndex;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.search.SearchHit;
import io.tierzero.kb.search.SearchResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = "Asks an index a question and prints the ranked articles.")
final class SearchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ModelOption model;

  @Option(
      names = "--index",
      required = true,
      paramLabel = "DIR",
      description = "An index built by 'index'.")
  private Path index;

  @Option(
      names = "--articles",
      paramLabel = "DIR",
      description = "The articles folder (default: the one the index was built from).")
  private Path articles;

  @Option(
      names = "--mode",
      paramLabel = "bm25|vector|hybrid",
      converter = ModeConverter.class,
      description = "Retrieval mode (default: hybrid).")
  private Mode mode;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Articles to list (default: ${DEFAULT-VALUE}).")
  private int limit = KnowledgeBase.DEFAULT_LIMIT;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUESTION",
      description = "The question, in one or more words.")
  private List<String> question;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> built = KbIndex.describe(index);
    if (built.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "No index in " + index + ": run 'index' first");
    }
    KbConfig config =
        KbConfig.of(articles != null ? articles : Path.of(built.get("articles")), index);
    if (model.model == null && built.containsKey("model")) {
      config = config.withModel(EmbeddingModelChoice.parse(built.get("model")));
    }
    config = model.apply(config);
    if (mode != null) config = config.withMode(mode);
    try (KnowledgeBase kb = KnowledgeBase.open(config)) {
      SearchResult result = kb.search(String.join(" ", question), limit, config.mode());
      out.printf("%s (confidence %.2f)%n", result.decision(), result.confidence());
      int rank = 1;
      for (SearchHit hit : result.hits()) {
        out.printf(
            "%d. %s  [%s]  score %.3f  confidence %.2f%n",
            rank++, hit.title(), hit.id(), hit.score(), hit.confidence());
        out.println("   " + hit.snippet().replace("<mark>", "[").replace("</mark>", "]"));
      }
      return 0;
    }
  }

  static final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      return Mode.parse(value);
    }
  }
}
