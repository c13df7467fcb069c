package io.tierzero.kb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tierzero.kb.BuildReport;
import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import io.tierzero.kb.eval.EvalQuery;
import io.tierzero.kb.eval.Evaluation;
import io.tierzero.kb.eval.IntentEvaluation;
import io.tierzero.kb.eval.IntentUtterance;
import io.tierzero.kb.intent.DecisionModel;
import io.tierzero.kb.index.KbIndex;
import io.tierzero.kb.index.Progress;
import io.tierzero.kb.parse.Problem;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.search.Ratings;
import io.tierzero.kb.search.SearchHit;
import io.tierzero.kb.search.SearchResult;
import io.tierzero.kb.validate.Validator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The knowledge base command line: index, search, validate, eval, bench. */
public final class Main {
  static final String USAGE =
      """
      usage: kb-indexer <command> [options]
        index    --articles DIR --index DIR [--model minilm|bge|none] [--full]
        search   --index DIR [--articles DIR] [--mode bm25|vector|hybrid] [--limit N] "question"
        validate --articles DIR [--model minilm|bge|none]
        eval     --articles DIR --queries FILE [--queries FILE ...] [--mode bm25|vector|hybrid|all]
                 [--model minilm|bge|none] [--baseline] [--calibrate] [--ranking name=value,...]
                 [--ratings FILE|worst-case]
        eval-intents --articles DIR --queries FILE [--queries FILE ...]
                 [--kb-articles DIR --kb-queries FILE ...] [--model minilm|bge|none] [--calibrate]
                 [--index DIR] [--kb-index DIR] [--details FILE]
                 (--queries are decided on --articles with its intents and flows; --kb-queries on
                 the articles of --kb-articles with the intents of --articles, not its flows)
        bench    --articles DIR [--generate N] [--queries FILE] [--model minilm|bge|none]
        import   --from html|zendesk|markdown --articles DIR [--category NAME] [--owner TEAM]
                 [--report FILE] SOURCE
                 (SOURCE: an HTML page or folder of pages such as a Confluence space export, a
                 Zendesk Guide articles JSON export, or Markdown files with other front matter)
      """;

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new Main(System.out, System.err).run(args));
  }

  /** Runs a command; returns the exit code: 0 done, 1 problems found, 2 bad usage or failure. */
  int run(String[] args) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    try {
      Args a = Args.parse(args, 1);
      return switch (args[0]) {
        case "index" -> index(a);
        case "search" -> search(a);
        case "validate" -> validate(a);
        case "eval" -> eval(a);
        case "eval-intents" -> evalIntents(a);
        case "bench" -> Bench.run(a, out, err);
        case "import" -> importPages(a);
        case "help", "--help", "-h" -> {
          out.print(USAGE);
          yield 0;
        }
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      };
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private int index(Args a) throws IOException {
    KbConfig config = config(a, a.path("--articles"), a.path("--index"));
    Progress progress = progress();
    try (KnowledgeBase kb = KnowledgeBase.open(config, progress)) {
      BuildReport report = a.flag("--full") ? kb.rebuild(true, progress) : kb.rebuild();
      clearProgress();
      for (Problem p : report.problems()) err.println(p);
      out.printf(
          "%d articles indexed in %s (model %s)%n",
          report.articles(), config.indexDir(), config.model());
      return report.problems().isEmpty() ? 0 : 1;
    }
  }

  private int search(Args a) throws IOException {
    Path index = a.path("--index");
    Map<String, String> built = KbIndex.describe(index);
    if (built.isEmpty()) throw new UsageException("no index in " + index + ": run 'index' first");
    Path articles = a.has("--articles") ? a.path("--articles") : Path.of(built.get("articles"));
    if (!a.has("--model") && built.containsKey("model")) a.put("--model", built.get("model"));
    KbConfig config = config(a, articles, index);
    if (a.positional().isEmpty()) throw new UsageException("search needs a question");
    String question = String.join(" ", a.positional());
    int limit = a.integer("--limit", KnowledgeBase.DEFAULT_LIMIT);
    try (KnowledgeBase kb = KnowledgeBase.open(config)) {
      SearchResult result = kb.search(question, limit, config.mode());
      out.printf("%s (confidence %.2f)%n", result.decision(), result.confidence());
      int rank = 1;
      for (SearchHit hit : result.hits()) {
        out.printf("%d. %s  [%s]  score %.3f  confidence %.2f%n", rank++, hit.title(), hit.id(), hit.score(), hit.confidence());
        out.println("   " + hit.snippet().replace("<mark>", "[").replace("</mark>", "]"));
      }
      return 0;
    }
  }

  private int importPages(Args a) throws IOException {
    String format = a.get("--from", "");
    if (!List.of("html", "zendesk", "markdown").contains(format)) {
      throw new UsageException("--from takes html, zendesk or markdown");
    }
    if (a.positional().size() != 1) throw new UsageException("import needs one SOURCE file or folder");
    Path source = Path.of(a.positional().get(0));
    if (!java.nio.file.Files.exists(source)) throw new UsageException("no such file or folder: " + source);
    var options =
        new io.tierzero.kb.importing.Importer.Options(
            a.path("--articles"),
            a.get("--category", "imported"),
            a.get("--owner", "service-desk"),
            java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    var pages = io.tierzero.kb.importing.Importer.read(format, source);
    var report = new io.tierzero.kb.importing.Importer().run(pages, options);
    Path reportFile = Path.of(a.get("--report", "import-report.md"));
    java.nio.file.Files.writeString(reportFile, report.markdown());
    out.printf("%d articles written under %s; report in %s%n", report.entries().size(), options.articlesDir(), reportFile);
    out.println("Next: write 'questions' for each, then run validate.");
    return 0;
  }

  private int validate(Args a) throws IOException {
    KbConfig config = config(a, a.path("--articles"), Path.of("unused"));
    List<Problem> problems = new Validator().validate(config);
    for (Problem p : problems) out.println(p);
    if (problems.isEmpty()) {
      out.println("ok: every article is valid and its questions find it first");
      return 0;
    }
    out.println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
    return 1;
  }

  private int eval(Args a) throws IOException {
    List<Path> queryFiles = a.paths("--queries");
    if (queryFiles.isEmpty()) throw new UsageException("eval needs at least one --queries FILE");
    String modeArg = a.get("--mode", "hybrid");
    List<Mode> modes = modeArg.equals("all") ? List.of(Mode.values()) : List.of(Mode.parse(modeArg));
    if (modes.equals(List.of(Mode.BM25)) && !a.has("--model")) a.put("--model", "none");
    Map<String, List<EvalQuery>> files = new LinkedHashMap<>();
    for (Path f : queryFiles) files.put(f.getFileName().toString(), EvalQuery.read(f));
    Path index = Files.createTempDirectory("kb-eval");
    try {
      KbConfig config = config(a, a.path("--articles"), index);
      try (KnowledgeBase kb = KnowledgeBase.open(config, progress())) {
        clearProgress();
        if (a.has("--ratings")) kb.useRatings(ratings(a.get("--ratings", ""), kb, files));
        Map<String, Object> results =
            new Evaluation(kb).run(files, modes, a.flag("--baseline"), a.flag("--calibrate"));
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        return 0;
      }
    } finally {
      Validator.deleteRecursively(index);
    }
  }

  private int evalIntents(Args a) throws IOException {
    List<Path> queryFiles = a.paths("--queries");
    if (queryFiles.isEmpty()) throw new UsageException("eval-intents needs at least one --queries FILE");
    if (!a.paths("--kb-queries").isEmpty() && !a.has("--kb-articles")) throw new UsageException("--kb-queries needs --kb-articles DIR");
    Map<String, List<IntentUtterance>> utterances = new LinkedHashMap<>();
    Map<String, List<EvalQuery>> questions = new LinkedHashMap<>();
    for (Path f : queryFiles) {
      if (IntentUtterance.isIntentFile(f)) utterances.put(f.getFileName().toString(), IntentUtterance.read(f));
      else questions.put(f.getFileName().toString(), EvalQuery.read(f));
    }
    Map<String, List<EvalQuery>> kbQuestions = new LinkedHashMap<>();
    for (Path f : a.paths("--kb-queries")) kbQuestions.put(f.getFileName().toString(), EvalQuery.read(f));
    DecisionModel model = DecisionModel.defaults();
    var evaluation = new IntentEvaluation();
    // Reusing index folders (--index, --kb-index) saves the build between runs.
    boolean keep = a.has("--index");
    Path index = keep ? a.path("--index") : Files.createTempDirectory("kb-eval");
    Path other = a.has("--kb-index") ? a.path("--kb-index") : Files.createTempDirectory("kb-eval");
    try {
      KbConfig config = config(a, a.path("--articles"), index);
      try (KnowledgeBase kb = KnowledgeBase.open(config, progress())) {
        clearProgress();
        for (var p : kb.intents().problems()) err.println(p);
        evaluation.addUtterances(kb, utterances, model);
        evaluation.addQueries(kb, kb.intents(), questions, model);
        evaluation.addArticleQuestions(kb, model);
        if (!kbQuestions.isEmpty()) {
          try (KnowledgeBase qkb = KnowledgeBase.open(config(a, a.path("--kb-articles"), other), progress())) {
            clearProgress();
            evaluation.addQueries(qkb, kb.intents().withoutFlows(), kbQuestions, model);
          }
        }
        var results = evaluation.results(model, a.flag("--calibrate"));
        if (a.has("--details")) {
          Files.write(Path.of(a.get("--details", "")), evaluation.details((DecisionModel) results.getOrDefault("decision_model", model)));
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        return 0;
      }
    } finally {
      if (!keep) Validator.deleteRecursively(index);
      if (!a.has("--kb-index")) Validator.deleteRecursively(other);
    }
  }

  /**
   * Votes for {@code eval --ratings}: a JSON file {@code {"article-id": {"up": 3, "down": 1}}}, or
   * {@code worst-case}: every relevant article of the questions voted down 1000 times and every
   * other article up 1000 times, the most the prior could ever mislead the ranking.
   */
  private static Ratings ratings(String arg, KnowledgeBase kb, Map<String, List<EvalQuery>> files)
      throws IOException {
    Map<String, Ratings.Votes> votes = new LinkedHashMap<>();
    if (arg.equals("worst-case")) {
      java.util.Set<String> relevant = new java.util.HashSet<>();
      files.values().forEach(qs -> qs.forEach(q -> relevant.addAll(q.relevant())));
      for (var article : kb.articles()) {
        votes.put(article.id(), relevant.contains(article.id()) ? new Ratings.Votes(0, 1000) : new Ratings.Votes(1000, 0));
      }
    } else {
      var tree = new ObjectMapper().readTree(Path.of(arg).toFile());
      tree.fields().forEachRemaining(e ->
          votes.put(e.getKey(), new Ratings.Votes(e.getValue().path("up").asLong(), e.getValue().path("down").asLong())));
    }
    return new Ratings(votes);
  }

  static KbConfig config(Args a, Path articles, Path index) {
    KbConfig config = KbConfig.of(articles, index);
    if (a.has("--model")) config = config.withModel(EmbeddingModelChoice.parse(a.get("--model", "")));
    if (a.has("--mode") && !a.get("--mode", "").equals("all")) config = config.withMode(Mode.parse(a.get("--mode", "")));
    if (a.has("--ranking")) config = config.withRanking(config.ranking().with(a.get("--ranking", "")));
    return config;
  }

  /** Progress on one rewritten line, only when a person is watching a terminal. */
  private Progress progress() {
    if (System.console() == null) return Progress.NONE;
    return (phase, done, total) -> err.printf("\r%s %d/%d   ", phase, done, total);
  }

  private void clearProgress() {
    if (System.console() != null) err.print("\r                                        \r");
  }

  /** A mistake in the command line, reported with the usage. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** Options ({@code --name value}, repeatable), flags and positional words. */
  static final class Args {
    private static final List<String> FLAGS = List.of("--full", "--baseline", "--calibrate");
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    static Args parse(String[] args, int from) {
      Args a = new Args();
      for (int i = from; i < args.length; i++) {
        String arg = args[i];
        if (FLAGS.contains(arg)) {
          a.put(arg, "true");
        } else if (arg.startsWith("--")) {
          if (i + 1 >= args.length) throw new UsageException(arg + " needs a value");
          a.put(arg, args[++i]);
        } else {
          a.positional.add(arg);
        }
      }
      return a;
    }

    void put(String name, String value) {
      options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    boolean has(String name) {
      return options.containsKey(name);
    }

    boolean flag(String name) {
      return options.containsKey(name);
    }

    String get(String name, String fallback) {
      List<String> values = options.get(name);
      return values == null ? fallback : values.get(values.size() - 1);
    }

    Path path(String name) {
      if (!has(name)) throw new UsageException("missing " + name + " DIR");
      return Path.of(get(name, ""));
    }

    List<Path> paths(String name) {
      return options.getOrDefault(name, List.of()).stream().map(Path::of).toList();
    }

    int integer(String name, int fallback) {
      try {
        return has(name) ? Integer.parseInt(get(name, "")) : fallback;
      } catch (NumberFormatException e) {
        throw new UsageException(name + " takes a whole number");
      }
    }

    List<String> positional() {
      return positional;
    }
  }
}
