package io.tierzero.kb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import io.tierzero.kb.eval.EvalQuery;
import io.tierzero.kb.eval.Evaluation;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.search.Ratings;
import io.tierzero.kb.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "eval",
    description = "Scores retrieval on question files: one JSON object per system and file.")
final class EvalCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ModelOption model;

  @Option(
      names = "--articles",
      required = true,
      paramLabel = "DIR",
      description = "The articles folder.")
  private Path articles;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "FILE",
      description = "A JSON-lines file of questions with their relevant articles; repeatable.")
  private List<Path> queryFiles;

  @Option(
      names = "--mode",
      paramLabel = "bm25|vector|hybrid|all",
      description = "Retrieval mode to score, or all (default: ${DEFAULT-VALUE}).")
  private String mode = "hybrid";

  @Option(names = "--baseline", description = "Also score a plain BM25 over title and body.")
  private boolean baseline;

  @Option(names = "--calibrate", description = "Fit the confidence calibration and thresholds.")
  private boolean calibrate;

  @Option(
      names = "--ranking",
      paramLabel = "name=value,...",
      description = "Override ranking weights.")
  private String ranking;

  @Option(
      names = "--ratings",
      paramLabel = "FILE|worst-case",
      description =
          "Votes to rank with: a JSON file {\"article-id\": {\"up\": 3, \"down\": 1}}, or"
              + " worst-case: every relevant article voted down 1000 times and every other one up"
              + " 1000 times.")
  private String ratings;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Mode> modes = mode.equals("all") ? List.of(Mode.values()) : List.of(Mode.parse(mode));
    Map<String, List<EvalQuery>> files = new LinkedHashMap<>();
    for (Path f : queryFiles) files.put(f.getFileName().toString(), EvalQuery.read(f));
    Path index = Files.createTempDirectory("kb-eval");
    try {
      KbConfig config = KbConfig.of(articles, index);
      // BM25 alone needs no sentence model: skip loading and embedding unless one is asked for.
      if (modes.equals(List.of(Mode.BM25))) config = config.withModel(EmbeddingModelChoice.NONE);
      config = model.apply(config);
      if (modes.size() == 1) config = config.withMode(modes.get(0));
      if (ranking != null) config = config.withRanking(config.ranking().with(ranking));
      try (KnowledgeBase kb = KnowledgeBase.open(config, TerminalProgress.to(err))) {
        TerminalProgress.clear(err);
        if (ratings != null) kb.useRatings(ratings(ratings, kb, files));
        Map<String, Object> results = new Evaluation(kb).run(files, modes, baseline, calibrate);
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(results));
        return 0;
      }
    } finally {
      Validator.deleteRecursively(index);
    }
  }

  private static Ratings ratings(String arg, KnowledgeBase kb, Map<String, List<EvalQuery>> files)
      throws IOException {
    Map<String, Ratings.Votes> votes = new LinkedHashMap<>();
    if (arg.equals("worst-case")) {
      Set<String> relevant = new HashSet<>();
      files.values().forEach(qs -> qs.forEach(q -> relevant.addAll(q.relevant())));
      for (var article : kb.articles()) {
        votes.put(
            article.id(),
            relevant.contains(article.id())
                ? new Ratings.Votes(0, 1000)
                : new Ratings.Votes(1000, 0));
      }
    } else {
      var tree = new ObjectMapper().readTree(Path.of(arg).toFile());
      tree.fields()
          .forEachRemaining(
              e ->
                  votes.put(
                      e.getKey(),
                      new Ratings.Votes(
                          e.getValue().path("up").asLong(), e.getValue().path("down").asLong())));
    }
    return new Ratings(votes);
  }
}
