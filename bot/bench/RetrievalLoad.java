import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.embed.EmbeddingModelChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * What retrieval alone costs, for comparison with {@code ChatLoad}: the same questions, straight
 * into {@code KnowledgeBase.search} on N threads, no HTTP, no database. Run it with the bot stopped
 * or on its own index folder (Lucene allows one writer per folder). Each search asks for {@code
 * --limit} hits (default 3: what a chat answer shows, so what the chat asks for), and {@code
 * --warmup} seconds (at the first level; 3 s at the others) let the JIT compile first.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bot/target/bot.jar bot/bench/RetrievalLoad.java \
 *     --articles articles --index /tmp/tz-retrieval-index --threads 1,16,64 [--seconds 20] [--warmup 60] [--limit 3] [--model minilm]
 * </pre>
 */
public class RetrievalLoad {
  public static void main(String[] args) throws Exception {
    Path articles = Path.of(arg(args, "--articles", "articles"));
    Path index = Path.of(arg(args, "--index", "/tmp/tz-retrieval-index"));
    int[] levels =
        Arrays.stream(arg(args, "--threads", "1,16,64").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "60"));
    int limit = Integer.parseInt(arg(args, "--limit", "3"));
    String model = arg(args, "--model", null);

    var config = KbConfig.of(articles.toAbsolutePath(), index.toAbsolutePath());
    if (model != null) config = config.withModel(EmbeddingModelChoice.parse(model));
    long t0 = System.nanoTime();
    try (var kb = KnowledgeBase.open(config)) {
      System.out.printf(
          "opened %d articles (%s) in %d ms%n",
          kb.articles().size(), config.mode(), (System.nanoTime() - t0) / 1_000_000);
      var questions = questions(articles);
      System.out.println("| threads | searches/s | p50 ms | p99 ms | CPU ms/search |");
      System.out.println("|---:|---:|---:|---:|---:|");
      for (int i = 0; i < levels.length; i++) {
        int threads = levels[i];
        run(kb, questions, threads, i == 0 ? warmup : Math.min(warmup, 3), limit);
        long cpuBefore = cpuNanos();
        var r = run(kb, questions, threads, seconds, limit);
        double cpuMs = (cpuNanos() - cpuBefore) / 1e6;
        System.out.printf(
            "| %d | %.0f | %.2f | %.2f | %.2f |%n",
            threads, r[0], r[1] / 1000.0, r[2] / 1000.0, cpuMs / Math.max(1, r[3]));
      }
    }
  }

  static double[] run(KnowledgeBase kb, List<String> questions, int threads, int seconds, int limit)
      throws InterruptedException {
    var stop = new AtomicBoolean();
    var latencies = new ArrayList<List<Long>>();
    var workers = new ArrayList<Thread>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      var mine = new ArrayList<Long>();
      latencies.add(mine);
      int seed = t;
      workers.add(
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    var random = new Random(seed);
                    while (!stop.get()) {
                      long s = System.nanoTime();
                      kb.search(questions.get(random.nextInt(questions.size())), limit);
                      mine.add((System.nanoTime() - s) / 1000);
                    }
                  }));
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (var w : workers) w.join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all =
        latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
    return new double[] {all.length / elapsed, pct(all, 0.5), pct(all, 0.99), all.length};
  }

  /**
   * CPU time of this process: unlike latency, it does not move when other processes share the
   * cores.
   */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static long pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  static List<String> questions(Path articles) throws IOException {
    var questions = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(articles)) {
      for (var file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".md"))::iterator) {
        boolean inQuestions = false;
        for (var line : Files.readAllLines(file)) {
          if (line.startsWith("questions:")) inQuestions = true;
          else if (inQuestions && line.startsWith("  - ")) questions.add(line.substring(4).strip());
          else if (inQuestions) break;
        }
      }
    }
    Collections.shuffle(questions, new Random(1));
    return questions.size() > 5000 ? List.copyOf(questions.subList(0, 5000)) : questions;
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
    return fallback;
  }
}
