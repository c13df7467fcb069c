package io.tierzero.kb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.eval.EvalQuery;
import io.tierzero.kb.eval.IntentEvaluation;
import io.tierzero.kb.eval.IntentUtterance;
import io.tierzero.kb.intent.DecisionModel;
import io.tierzero.kb.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "eval-intents",
    description =
        "Scores the whole decision of a turn (intents, flows, articles, abstaining) on first"
            + " messages. --queries are decided on --articles with its intents and flows;"
            + " --kb-queries on the articles of --kb-articles with the intents of --articles, not"
            + " its flows.")
final class EvalIntentsCommand implements Callable<Integer> {
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
      description = "Intent utterances or knowledge-base questions (JSON lines); repeatable.")
  private List<Path> queryFiles;

  @Option(names = "--kb-articles", paramLabel = "DIR", description = "A second knowledge base.")
  private Path kbArticles;

  @Option(
      names = "--kb-queries",
      paramLabel = "FILE",
      description = "Questions on --kb-articles; repeatable.")
  private List<Path> kbQueryFiles = List.of();

  @Option(names = "--calibrate", description = "Fit the decision model on these files.")
  private boolean calibrate;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Keep the index of --articles here between runs.")
  private Path index;

  @Option(
      names = "--kb-index",
      paramLabel = "DIR",
      description = "Keep the index of --kb-articles here.")
  private Path kbIndex;

  @Option(
      names = "--details",
      paramLabel = "FILE",
      description = "Write every message with its evidence.")
  private Path details;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!kbQueryFiles.isEmpty() && kbArticles == null) {
      throw new ParameterException(spec.commandLine(), "--kb-queries needs --kb-articles DIR");
    }
    Map<String, List<IntentUtterance>> utterances = new LinkedHashMap<>();
    Map<String, List<EvalQuery>> questions = new LinkedHashMap<>();
    for (Path f : queryFiles) {
      String name = f.getFileName().toString();
      if (IntentUtterance.isIntentFile(f)) utterances.put(name, IntentUtterance.read(f));
      else questions.put(name, EvalQuery.read(f));
    }
    Map<String, List<EvalQuery>> kbQuestions = new LinkedHashMap<>();
    for (Path f : kbQueryFiles) kbQuestions.put(f.getFileName().toString(), EvalQuery.read(f));
    DecisionModel decision = DecisionModel.defaults();
    var evaluation = new IntentEvaluation();
    // Reusing index folders (--index, --kb-index) saves the build between runs.
    Path indexDir = index != null ? index : Files.createTempDirectory("kb-eval");
    Path otherDir = kbIndex != null ? kbIndex : Files.createTempDirectory("kb-eval");
    try {
      try (KnowledgeBase kb =
          KnowledgeBase.open(
              model.apply(KbConfig.of(articles, indexDir)), TerminalProgress.to(err))) {
        TerminalProgress.clear(err);
        for (var p : kb.intents().problems()) err.println(p);
        evaluation.addUtterances(kb, utterances, decision);
        evaluation.addQueries(kb, kb.intents(), questions, decision);
        evaluation.addArticleQuestions(kb, decision);
        if (!kbQuestions.isEmpty()) {
          KbConfig other = model.apply(KbConfig.of(kbArticles, otherDir));
          try (KnowledgeBase qkb = KnowledgeBase.open(other, TerminalProgress.to(err))) {
            TerminalProgress.clear(err);
            evaluation.addQueries(qkb, kb.intents().withoutFlows(), kbQuestions, decision);
          }
        }
        var results = evaluation.results(decision, calibrate);
        if (details != null) {
          Files.write(
              details,
              evaluation.details((DecisionModel) results.getOrDefault("decision_model", decision)));
        }
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(results));
        return 0;
      }
    } finally {
      if (index == null) Validator.deleteRecursively(indexDir);
      if (kbIndex == null) Validator.deleteRecursively(otherDir);
    }
  }
}
