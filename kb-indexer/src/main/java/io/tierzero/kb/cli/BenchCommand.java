package io.tierzero.kb.cli;

import io.tierzero.kb.BuildReport;
import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.eval.EvalQuery;
import io.tierzero.kb.index.ArticleFiles;
import io.tierzero.kb.index.Progress;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Mode;
import io.tierzero.kb.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Index build and search latency on a copy of an articles folder: a cold build, a rebuild with
 * nothing changed, a rebuild after one edit, a full re-index with a warm vector cache, the index's
 * size and heap, and per-mode latency of questions (the articles' own questions unless a queries
 * file is given). A benchmark, not a test: figures vary with the machine and its load.
 */
@Command(
    name = "bench",
    description = "Measures index builds and search latency on a copy of an articles folder.")
final class BenchCommand implements Callable<Integer> {
  /** Questions run before measuring, so the JIT and the page cache settle. */
  private static final int WARMUP = 200;

  /** Distinct questions measured at most. */
  private static final int MAX_QUESTIONS = 1000;

  @Spec private CommandSpec spec;
  @Mixin private ModelOption model;

  @Option(
      names = "--articles",
      required = true,
      paramLabel = "DIR",
      description = "The articles folder (copied).")
  private Path source;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description =
          "Questions to time (JSON lines; default: the articles' own questions); repeatable.")
  private List<Path> queryFiles = List.of();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("kb-bench");
    try {
      Path articles = work.resolve("articles");
      copy(source, articles);
      Path index = work.resolve("index");
      KbConfig config = model.apply(KbConfig.of(articles, index));
      out.printf("knowledge base: %s (model %s)%n", source, config.model());

      System.gc();
      long heapBefore = usedHeap();
      long start = System.nanoTime();
      KnowledgeBase kb = KnowledgeBase.open(config, Progress.NONE);
      try {
        long cold = millisSince(start);
        int count = kb.articles().size();
        out.printf("cold build:              %,8d ms  (%d articles)%n", cold, count);
        BuildReport unchanged = kb.rebuild();
        out.printf(
            "rebuild, nothing changed:%,8d ms  (embedded %d)%n",
            unchanged.millis(), unchanged.embedded());
        Article edited = kb.articles().get(count / 2);
        Files.writeString(
            edited.source(),
            "\nOne more sentence added by the benchmark.\n",
            StandardOpenOption.APPEND);
        BuildReport oneEdit = kb.rebuild();
        out.printf(
            "rebuild after one edit:  %,8d ms  (updated %d, embedded %d)%n",
            oneEdit.millis(), oneEdit.updated(), oneEdit.embedded());
        BuildReport warm = kb.rebuild(true, Progress.NONE);
        out.printf(
            "full re-index, warm vector cache: %,d ms  (embedded %d)%n",
            warm.millis(), warm.embedded());
        out.printf("index on disk:           %,8.1f MB%n", size(index) / 1e6);
        System.gc();
        out.printf("heap with index open:    %,8.1f MB%n", (usedHeap() - heapBefore) / 1e6);

        List<String> questions = questions(kb);
        List<Mode> modes =
            kb.config().model().load() == null ? List.of(Mode.BM25) : List.of(Mode.values());
        for (int i = 0; i < Math.min(WARMUP, questions.size()); i++) {
          for (Mode mode : modes) kb.search(questions.get(i), KnowledgeBase.DEFAULT_LIMIT, mode);
        }
        out.printf("search latency over %d questions (ms):%n", questions.size());
        for (Mode mode : modes) {
          double[] uncached = new double[questions.size()];
          for (int i = 0; i < questions.size(); i++) {
            // A twist of the question, new for each mode, keeps the query-vector cache out of
            // this pass.
            String q = questions.get(i) + " " + mode + "?";
            long t = System.nanoTime();
            kb.search(q, KnowledgeBase.DEFAULT_LIMIT, mode);
            uncached[i] = (System.nanoTime() - t) / 1e6;
          }
          double[] cached = new double[questions.size()];
          for (int i = 0; i < questions.size(); i++) {
            long t = System.nanoTime();
            kb.search(questions.get(i), KnowledgeBase.DEFAULT_LIMIT, mode);
            cached[i] = (System.nanoTime() - t) / 1e6;
          }
          out.printf(
              "  %-7s p50 %6.2f  p99 %6.2f   (question vector cached: p50 %6.2f  p99 %6.2f)%n",
              mode,
              percentile(uncached, 50),
              percentile(uncached, 99),
              percentile(cached, 50),
              percentile(cached, 99));
        }
      } finally {
        kb.close();
      }
      return 0;
    } finally {
      Validator.deleteRecursively(work);
    }
  }

  private List<String> questions(KnowledgeBase kb) throws IOException {
    List<String> questions = new ArrayList<>();
    if (!queryFiles.isEmpty()) {
      for (Path file : queryFiles) {
        for (EvalQuery q : EvalQuery.read(file)) questions.add(q.query());
      }
    } else {
      for (Article article : kb.articles()) questions.addAll(article.questions());
    }
    Collections.shuffle(questions, new Random(42));
    return questions.subList(0, Math.min(MAX_QUESTIONS, questions.size()));
  }

  static double percentile(double[] values, double p) {
    if (values.length == 0) return 0;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else if (ArticleFiles.isArticle(p) || p.getFileName().toString().equals("synonyms.txt")) {
          Files.copy(p, target);
        }
      }
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
