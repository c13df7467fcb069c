import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load benchmark for a running bot: N simulated users each hold conversations over HTTP (start a
 * conversation, then ten messages: questions taken from the articles' {@code questions:}, some
 * small talk, some questions no article answers). Without {@code --think-ms} there is no pause, so
 * the bot is saturated; with it each user waits a random 0.5 to 1.5 times that between messages.
 * Reports chat turns per second and turn latency percentiles per level of concurrency.
 *
 * <pre>
 * java bot/bench/ChatLoad.java --url http://localhost:8080 --articles articles --users 1,16,64
 *     [--seconds 20] [--warmup 60] [--think-ms 0] [--started-at EPOCH_MS] [--pid BOT_PID] [--slowest N]
 * </pre>
 *
 * <p>{@code --url} takes several addresses, comma-separated (instances behind no sticky balancer):
 * each call goes to the next one in turn, so one conversation's turns alternate between instances.
 * The first few errors are printed with their cause.
 *
 * <p>With {@code --pid} (Linux) it also reports the bot's CPU time per turn, read from {@code
 * /proc}: unlike latency, that figure does not move when other processes share the cores. The
 * client's own CPU per turn is reported beside it: on a two-core machine it competes with the bot.
 *
 * <p>The client is a minimal HTTP/1.1 one, a kept-alive connection per simulated user, because the
 * load generator shares the bot's cores: the JDK's HttpClient cost more CPU per request than the
 * bot's own HTTP handling. A fresh bot runs interpreted code for its first minute or so under load;
 * {@code --warmup} (seconds, at the first level; 3 s at the others, always without think time) runs
 * before any figure.
 *
 * <p>{@code --slowest N} lists each level's N slowest turns with what was sent and when, to tell a
 * slow kind of question from a pause that hit whatever was in flight.
 *
 * <p>With {@code --started-at} (the time the bot was launched) it first polls until a question gets
 * an answer and reports the time from start to first answer.
 */
public class ChatLoad {
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  static final List<String> SMALL_TALK = List.of("hello", "thanks", "that worked", "thank you!");
  static final List<String> UNANSWERABLE =
      List.of(
          "zebra quantum lasagne orchestra",
          "what is the meaning of life",
          "purple elephant marathon schedule");

  record Level(
      int users,
      long turns,
      double seconds,
      long errors,
      long[] sortedMicros,
      List<Turn> slowest) {}

  /** One measured turn: what was sent, how long the answer took, and when it was sent. */
  record Turn(long micros, long sentAtMillis, String text) {}

  public static void main(String[] args) throws Exception {
    List<String> urls = List.of(arg(args, "--url", "http://localhost:8080").split(","));
    String url = urls.get(0);
    Path articles = Path.of(arg(args, "--articles", "articles"));
    int[] levels =
        Arrays.stream(arg(args, "--users", "1,16,64").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "60"));
    int thinkMs = Integer.parseInt(arg(args, "--think-ms", "0"));
    int slowest = Integer.parseInt(arg(args, "--slowest", "0"));
    String startedAt = arg(args, "--started-at", null);
    String pid = arg(args, "--pid", null);

    var questions = questions(articles);

    if (startedAt != null) {
      long millis = firstAnswer(url, questions.get(0), Long.parseLong(startedAt));
      System.out.printf("start to first answer: %d ms%n", millis);
    }
    System.out.printf(
        "%d questions from %s; %ds per level after %ds warm-up; think time %d ms%n",
        questions.size(), articles, seconds, warmup, thinkMs);
    System.out.println(
        "| users | turns/s | p50 ms | p99 ms | max ms | errors | bot CPU ms/turn | client CPU"
            + " ms/turn |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    var self =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var slowTurns = new ArrayList<String>();
    for (int i = 0; i < levels.length; i++) {
      int users = levels[i];
      // Warm-up, discarded, without think time whatever the level's: it is there for the JIT.
      run(urls, questions, users, i == 0 ? warmup : Math.min(warmup, 3), 0, 0);
      long cpuBefore = cpuMillis(pid);
      long clientBefore = self.getProcessCpuTime();
      var level = run(urls, questions, users, seconds, thinkMs, slowest);
      long cpu = cpuMillis(pid) - cpuBefore;
      double clientMs = (self.getProcessCpuTime() - clientBefore) / 1e6;
      long[] us = level.sortedMicros();
      long turns = Math.max(1, level.turns());
      System.out.printf(
          Locale.ROOT,
          "| %d | %.0f | %.1f | %.1f | %.1f | %d | %s | %.2f |%n",
          users,
          level.turns() / level.seconds(),
          pct(us, 0.50) / 1000.0,
          pct(us, 0.99) / 1000.0,
          (us.length == 0 ? 0 : us[us.length - 1]) / 1000.0,
          level.errors(),
          pid == null ? "-" : String.format(Locale.ROOT, "%.2f", (double) cpu / turns),
          clientMs / turns);
      for (var turn : level.slowest()) {
        slowTurns.add(
            String.format(
                Locale.ROOT,
                "%d users: %.1f ms at %tT.%<tL: %s",
                users,
                turn.micros() / 1000.0,
                turn.sentAtMillis(),
                turn.text()));
      }
    }
    if (!slowTurns.isEmpty())
      System.out.println("\nslowest turns:\n" + String.join("\n", slowTurns));
  }

  static final java.util.concurrent.atomic.AtomicInteger REPORTED =
      new java.util.concurrent.atomic.AtomicInteger();

  static Level run(
      List<String> urls,
      List<String> questions,
      int users,
      int seconds,
      int thinkMs,
      int keepSlowest)
      throws InterruptedException {
    var stop = new AtomicBoolean();
    var counts = new long[users];
    var errors = new long[users];
    var latencies = new ArrayList<List<Long>>();
    for (int u = 0; u < users; u++) latencies.add(new ArrayList<>());
    var slow = new PriorityQueue<Turn>(Comparator.comparingLong(Turn::micros));
    var threads = new ArrayList<Thread>();
    long start = System.nanoTime();
    for (int u = 0; u < users; u++) {
      int user = u;
      threads.add(
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    var random = new Random(user * 7919L + seconds);
                    var mine = latencies.get(user);
                    var connections = urls.stream().map(Connection::new).toList();
                    try {
                      if (thinkMs > 0)
                        Thread.sleep(
                            random.nextInt(thinkMs)); // each user arrives at their own moment
                    } catch (InterruptedException e) {
                      return;
                    }
                    while (!stop.get()) {
                      try {
                        int call = user;
                        var conversation =
                            connections
                                .get(call++ % urls.size())
                                .post("/api/conversations", null, "");
                        String id = match(ID, conversation), token = match(TOKEN, conversation);
                        for (int turn = 0; turn < 10 && !stop.get(); turn++) {
                          String text = pick(random, questions, turn);
                          long t0 = System.nanoTime();
                          connections
                              .get(call++ % urls.size())
                              .post("/api/conversations/" + id + "/messages", token, json(text));
                          long micros = (System.nanoTime() - t0) / 1000;
                          mine.add(micros);
                          if (keepSlowest > 0) {
                            synchronized (slow) {
                              slow.add(
                                  new Turn(
                                      micros, System.currentTimeMillis() - micros / 1000, text));
                              if (slow.size() > keepSlowest) slow.poll();
                            }
                          }
                          counts[user]++;
                          // Uniform between half and one and a half think times: with a fixed pause
                          // the users,
                          // all started at once, stayed in step and arrived as one burst every
                          // second.
                          if (thinkMs > 0) Thread.sleep(thinkMs / 2 + random.nextInt(thinkMs + 1));
                        }
                      } catch (Exception e) {
                        errors[user]++;
                        if (REPORTED.incrementAndGet() <= 5) System.out.println("error: " + e);
                      }
                    }
                    connections.forEach(Connection::close);
                  }));
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (var t : threads) t.join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long turns = Arrays.stream(counts).sum();
    long errs = Arrays.stream(errors).sum();
    long[] all =
        latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
    var slowestFirst = new ArrayList<>(slow);
    slowestFirst.sort(Comparator.comparingLong(Turn::micros).reversed());
    return new Level(users, turns, elapsed, errs, all, slowestFirst);
  }

  static String pick(Random random, List<String> questions, int turn) {
    int dice = random.nextInt(10);
    if (turn == 0 && dice < 3) return "hello";
    if (dice == 0) return SMALL_TALK.get(random.nextInt(SMALL_TALK.size()));
    if (dice == 1) return UNANSWERABLE.get(random.nextInt(UNANSWERABLE.size()));
    return questions.get(random.nextInt(questions.size()));
  }

  static long firstAnswer(String url, String question, long startedAt) throws InterruptedException {
    while (true) {
      try (var connection = new Connection(url)) {
        var conversation = connection.post("/api/conversations", null, "");
        var reply =
            connection.post(
                "/api/conversations/" + match(ID, conversation) + "/messages",
                match(TOKEN, conversation),
                json(question));
        if (reply.contains("\"replies\"")) return System.currentTimeMillis() - startedAt;
      } catch (Exception e) {
        // Not up yet.
      }
      Thread.sleep(20);
    }
  }

  static String json(String text) {
    return "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  /** One kept-alive HTTP/1.1 connection: JSON POSTs, answers with Content-Length or chunked. */
  static final class Connection implements Closeable {
    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Connection(String url) {
      this.base = URI.create(url);
    }

    String post(String path, String token, String body) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
      }
      try {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var head =
            new StringBuilder(256)
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(base.getAuthority())
                .append("\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(bytes.length)
                .append("\r\n");
        if (token != null) head.append("X-Conversation-Token: ").append(token).append("\r\n");
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return read();
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    private String read() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false, closes = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:"))
          length = Long.parseLong(lower.substring(15).strip());
        else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked"))
          chunked = true;
        else if (lower.startsWith("connection:") && lower.contains("close")) closes = true;
      }
      var body = new ByteArrayOutputStream();
      if (chunked) {
        for (int size = Integer.parseInt(line().split(";")[0].strip(), 16);
            size > 0;
            size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
          body.write(in.readNBytes(size));
          line();
        }
        line();
      } else if (length >= 0) {
        body.write(in.readNBytes((int) length));
      }
      if (closes) close();
      String text = body.toString(StandardCharsets.UTF_8);
      if (code >= 300) throw new IOException("HTTP " + code + ": " + text);
      return text;
    }

    private String line() throws IOException {
      var line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) throw new IOException("connection closed by the bot");
        if (c != '\r') line.append((char) c);
      }
      return line.toString();
    }

    @Override
    public void close() {
      try {
        if (socket != null) socket.close();
      } catch (IOException ignored) {
        // Closing a broken connection: nothing left to do.
      }
      socket = null;
    }
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

  /**
   * The {@code questions:} of every article: what people really ask, as the article's author saw
   * it.
   */
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
