import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.intent.Normalizer;
import io.tierzero.kb.intent.TurnDecision;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the turn's intent decision adds to a chat turn, without HTTP or a database: the CPU time of
 * {@code KnowledgeBase.decide} (normalise, search, match the intents) against the search alone that
 * a turn runs anyway, over the evaluation messages, on one thread. Vectors are cached after the
 * first pass, as in a chat where people ask the same things. Run it with the bot stopped (the index
 * is opened for writing):
 *
 * <p>java --add-modules jdk.incubator.vector -cp bot/target/bot.jar bot/bench/DecisionCost.java \
 * --articles articles --index /tmp/tz-bench/index --file
 * ../shared/eval/intents/it-helpdesk-dev.jsonl \ [--file ...] [--seconds 20] [--decisions FILE]
 *
 * <p>{@code --decisions FILE} writes each message's decision (behaviour, intent, confidence, hits),
 * so two builds can be compared line by line.
 */
public class DecisionCost {
  /** Hits a chat turn asks for: a clarifying question needs two, an answer shows up to three. */
  private static final int LIMIT = 3;

  public static void main(String[] args) throws Exception {
    Path articles = Path.of("articles");
    Path index = Path.of("/tmp/tz-bench/index");
    List<Path> files = new ArrayList<>();
    int seconds = 20;
    Path decisions = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Path.of(args[++i]);
        case "--index" -> index = Path.of(args[++i]);
        case "--file" -> files.add(Path.of(args[++i]));
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--decisions" -> decisions = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (files.isEmpty())
      throw new IllegalArgumentException("give at least one --file of {\"text\": ...} JSON lines");
    var json = new ObjectMapper();
    var messages = new ArrayList<String>();
    for (var file : files) {
      for (var line : Files.readAllLines(file)) {
        if (!line.isBlank()) messages.add(json.readTree(line).get("text").asText());
      }
    }
    var normalizer = Normalizer.defaults();
    var normalized =
        messages.stream()
            .map(
                m -> {
                  var text = normalizer.normalize(m);
                  return text.isBlank() ? m.strip() : text;
                })
            .toList();
    try (var kb =
        KnowledgeBase.open(KbConfig.of(articles.toAbsolutePath(), index.toAbsolutePath()))) {
      if (decisions != null) {
        try (var out = new PrintWriter(Files.newBufferedWriter(decisions))) {
          for (var m : messages) out.println(describe(m, kb.decide(m, LIMIT)));
        }
      }
      System.out.printf(
          "%d messages; each pass alternates decide and search alone, %d s after a %d s warm-up%n",
          messages.size(), seconds, Math.min(60, seconds * 3));
      measure(kb, messages, normalized, Math.min(60, seconds * 3));
      var r = measure(kb, messages, normalized, seconds);
      System.out.println("| per message | CPU µs |");
      System.out.println("|---|---:|");
      System.out.printf("| decide (normalise, search, intents) | %.0f |%n", r[0]);
      System.out.printf("| search alone | %.0f |%n", r[1]);
      System.out.printf("| the decision's own cost | %.0f |%n", r[0] - r[1]);
    }
  }

  /**
   * Mean CPU microseconds of decide and of the search alone, over whole passes for {@code seconds}.
   */
  private static double[] measure(
      KnowledgeBase kb, List<String> messages, List<String> normalized, int seconds) {
    var threads = ManagementFactory.getThreadMXBean();
    long decideNanos = 0;
    long searchNanos = 0;
    long count = 0;
    long sink = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (var m : messages) sink += kb.decide(m, LIMIT).search().hits().size();
      long t1 = threads.getCurrentThreadCpuTime();
      for (var n : normalized) sink += kb.search(n, LIMIT).hits().size();
      long t2 = threads.getCurrentThreadCpuTime();
      decideNanos += t1 - t0;
      searchNanos += t2 - t1;
      count += messages.size();
    }
    if (sink == 42) System.out.println();
    return new double[] {decideNanos / 1e3 / count, searchNanos / 1e3 / count};
  }

  private static String describe(String message, TurnDecision d) {
    var hits =
        d.search().hits().stream()
            .map(h -> h.id() + String.format(":%.4f", h.confidence()))
            .toList();
    var evidence = d.evidence();
    return String.join(
        "\t",
        message,
        d.behaviour(),
        d.isIntent() ? d.intent().id() : "-",
        evidence == null
            ? "-"
            : evidence.intent().id()
                + " "
                + evidence.nearestExample()
                + String.format(
                    " %.6f %.6f %.6f",
                    evidence.similarity(), evidence.margin(), evidence.coverage()),
        String.format("%.6f", d.intentConfidence()),
        d.search().decision().name(),
        String.valueOf(hits));
  }
}
