import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load benchmark for a running bot: N simulated users each hold conversations over HTTP (start a
 * conversation, then ten messages: questions taken from the articles' {@code questions:}, some
 * small talk, some questions no article answers), with no think time, so the bot is saturated.
 * Reports chat turns per second and turn latency percentiles per level of concurrency.
 *
 * <pre>
 * java bot/bench/ChatLoad.java --url http://localhost:8080 --articles articles --users 1,16,64
 *     [--seconds 20] [--warmup 5] [--think-ms 0] [--started-at EPOCH_MS] [--pid BOT_PID]
 * </pre>
 *
 * <p>{@code --url} takes several addresses, comma-separated (instances behind no sticky
 * balancer): each call goes to the next one in turn, so one conversation's turns alternate
 * between instances. The first few errors are printed with their cause.
 *
 * <p>With {@code --pid} (Linux) it also reports the bot's CPU time per turn, read from {@code
 * /proc}: unlike latency, that figure does not move when other processes share the cores.
 *
 * With {@code --started-at} (the time the bot was launched) it first polls until a question gets
 * an answer and reports the time from start to first answer.
 */
public class ChatLoad {
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  static final List<String> SMALL_TALK = List.of("hello", "thanks", "that worked", "thank you!");
  static final List<String> UNANSWERABLE =
      List.of("zebra quantum lasagne orchestra", "what is the meaning of life",
          "purple elephant marathon schedule");

  record Level(int users, long turns, double seconds, long errors, long[] sortedMicros) {}

  public static void main(String[] args) throws Exception {
    List<String> urls = List.of(arg(args, "--url", "http://localhost:8080").split(","));
    String url = urls.get(0);
    Path articles = Path.of(arg(args, "--articles", "articles"));
    int[] levels = Arrays.stream(arg(args, "--users", "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
    int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "5"));
    int thinkMs = Integer.parseInt(arg(args, "--think-ms", "0"));
    String startedAt = arg(args, "--started-at", null);
    String pid = arg(args, "--pid", null);

    var questions = questions(articles);
    var http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    if (startedAt != null) {
      long millis = firstAnswer(http, url, questions.get(0), Long.parseLong(startedAt));
      System.out.printf("start to first answer: %d ms%n", millis);
    }
    System.out.printf("%d questions from %s; %ds per level after %ds warm-up; think time %d ms%n",
        questions.size(), articles, seconds, warmup, thinkMs);
    System.out.println("| users | turns/s | p50 ms | p99 ms | max ms | errors | bot CPU ms/turn |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (int users : levels) {
      run(http, urls, questions, users, warmup, thinkMs); // warm-up, discarded
      long cpuBefore = cpuMillis(pid);
      var level = run(http, urls, questions, users, seconds, thinkMs);
      long cpu = cpuMillis(pid) - cpuBefore;
      long[] us = level.sortedMicros();
      System.out.printf("| %d | %.0f | %.1f | %.1f | %.1f | %d | %s |%n", users, level.turns() / level.seconds(),
          pct(us, 0.50) / 1000.0, pct(us, 0.99) / 1000.0, (us.length == 0 ? 0 : us[us.length - 1]) / 1000.0,
          level.errors(), pid == null ? "-" : String.format("%.2f", (double) cpu / Math.max(1, level.turns())));
    }
  }

  static final java.util.concurrent.atomic.AtomicInteger REPORTED = new java.util.concurrent.atomic.AtomicInteger();

  static Level run(HttpClient http, List<String> urls, List<String> questions, int users, int seconds, int thinkMs)
      throws InterruptedException {
    var stop = new AtomicBoolean();
    var perUser = new ArrayList<long[]>();
    var counts = new long[users];
    var errors = new long[users];
    var latencies = new ArrayList<List<Long>>();
    for (int u = 0; u < users; u++) latencies.add(new ArrayList<>());
    var threads = new ArrayList<Thread>();
    long start = System.nanoTime();
    for (int u = 0; u < users; u++) {
      int user = u;
      threads.add(Thread.ofPlatform().daemon().start(() -> {
        var random = new Random(user * 7919L + seconds);
        var mine = latencies.get(user);
        while (!stop.get()) {
          try {
            int call = user;
            var conversation = post(http, urls.get(call++ % urls.size()) + "/api/conversations", null, "");
            String id = match(ID, conversation), token = match(TOKEN, conversation);
            for (int turn = 0; turn < 10 && !stop.get(); turn++) {
              String text = pick(random, questions, turn);
              long t0 = System.nanoTime();
              post(http, urls.get(call++ % urls.size()) + "/api/conversations/" + id + "/messages", token,
                  "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
              mine.add((System.nanoTime() - t0) / 1000);
              counts[user]++;
              if (thinkMs > 0) Thread.sleep(thinkMs);
            }
          } catch (Exception e) {
            errors[user]++;
            if (REPORTED.incrementAndGet() <= 5) System.out.println("error: " + e);
          }
        }
      }));
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (var t : threads) t.join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long turns = Arrays.stream(counts).sum();
    long errs = Arrays.stream(errors).sum();
    long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
    return new Level(users, turns, elapsed, errs, all);
  }

  static String pick(Random random, List<String> questions, int turn) {
    int dice = random.nextInt(10);
    if (turn == 0 && dice < 3) return "hello";
    if (dice == 0) return SMALL_TALK.get(random.nextInt(SMALL_TALK.size()));
    if (dice == 1) return UNANSWERABLE.get(random.nextInt(UNANSWERABLE.size()));
    return questions.get(random.nextInt(questions.size()));
  }

  static long firstAnswer(HttpClient http, String url, String question, long startedAt) throws InterruptedException {
    while (true) {
      try {
        var conversation = post(http, url + "/api/conversations", null, "");
        var reply = post(http, url + "/api/conversations/" + match(ID, conversation) + "/messages",
            match(TOKEN, conversation), "{\"text\":\"" + question.replace("\"", "") + "\"}");
        if (reply.contains("\"replies\"")) return System.currentTimeMillis() - startedAt;
      } catch (Exception e) {
        // Not up yet.
      }
      Thread.sleep(20);
    }
  }

  static String post(HttpClient http, String url, String token, String body) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) request.header("X-Conversation-Token", token);
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    return response.body();
  }

  static String match(Pattern pattern, String json) throws IOException {
    var m = pattern.matcher(json);
    if (!m.find()) throw new IOException("unexpected answer: " + json);
    return m.group(1);
  }

  /** User + system CPU time of a process from /proc/PID/stat, in ms (clock ticks of 10 ms). */
  static long cpuMillis(String pid) throws IOException {
    if (pid == null) return 0;
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  static long pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** The {@code questions:} of every article: what people really ask, as the article's author saw it. */
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
    if (questions.isEmpty()) throw new IllegalStateException("no questions: under " + articles);
    Collections.shuffle(questions, new Random(1));
    return questions.size() > 5000 ? List.copyOf(questions.subList(0, 5000)) : questions;
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
    return fallback;
  }
}
