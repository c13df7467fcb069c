package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.Application;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatResponse;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.feedback.FeedbackReceipt;
import io.tierzero.bot.security.PasswordHashes;
import io.tierzero.bot.tickets.AgentTicket;
import io.tierzero.bot.tickets.TicketMessage;
import io.tierzero.bot.tickets.TicketReceipt;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a real child JVM (its main class, its own application.yml), driven over HTTP by a few
 * users at once, and killed with SIGKILL at a random moment while they chat, rate answers and raise
 * tickets. Every write the bot confirmed (a 2xx with an id or a number) must be there when a new
 * child starts on the same data: each conversation with its messages, each vote, each ticket with
 * its outbox row, and each ticket then reaches the webhook. Run on the embedded default (an H2 file
 * under the working directory, exactly as application.yml says) and on PostgreSQL.
 *
 * <p>Replay a run with {@code -Dtierzero.kill.seed=N} (the seed is printed).
 */
class KilledBotTest {
  private static final String TOKEN = "X-Conversation-Token";
  private static final String AGENT = "alice";
  private static final String AGENT_PASSWORD = "correct horse battery staple";
  private static final int USERS = 3;

  /** Kills per database; from the second on, the kill hits a database that has been through one. */
  private static final int KILLS = 1;

  /** Tickets confirmed in a round before the kill may come; then it comes within KILL_WINDOW_MS. */
  private static final int TICKETS_BEFORE_KILL = 15;

  private static final int KILL_WINDOW_MS = 1500;
  private static final Duration START_PATIENCE = Duration.ofSeconds(180);
  private static final Pattern RUNNING = Pattern.compile("Server Running: (http://\\S+)");

  @TempDir Path home;
  private HttpServer receiver;
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final ObjectMapper json = ObjectMapper.getDefault();
  private final Random random = new Random(seed());
  private String schema;

  /** What the bot confirmed: reading these back after the kill is the test. */
  private final List<Confirmed> conversations = new CopyOnWriteArrayList<>();

  private final List<Vote> votes = new CopyOnWriteArrayList<>();
  private final List<String> tickets = new CopyOnWriteArrayList<>();

  private static final class Confirmed {
    final StartedConversation conversation;
    final List<String> userTexts = new CopyOnWriteArrayList<>();
    final List<String> replyIds = new CopyOnWriteArrayList<>();

    Confirmed(StartedConversation conversation) {
      this.conversation = conversation;
    }
  }

  private record Vote(StartedConversation conversation, String messageId, String id) {}

  private static long seed() {
    var given = System.getProperty("tierzero.kill.seed");
    var seed = given != null ? Long.parseLong(given) : System.nanoTime();
    System.out.println("KilledBotTest seed " + seed);
    return seed;
  }

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          var message =
              json.readValue(exchange.getRequestBody().readAllBytes(), TicketMessage.class);
          delivered.add(message.ticket().number());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    copyTree(TestApp.FIXTURE_ARTICLES, home.resolve("articles"));
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    Postgres.dropSchema(schema);
  }

  @Test
  void every_confirmed_write_survives_a_sigkill_on_the_embedded_h2_default() throws Exception {
    killAndCheck(Map.of());
  }

  @Test
  @RequiresPostgres
  void every_confirmed_write_survives_a_sigkill_on_postgresql() throws Exception {
    schema = Postgres.newSchema();
    killAndCheck(Postgres.properties(schema));
  }

  private void killAndCheck(Map<String, String> database) throws Exception {
    for (int round = 1; round <= KILLS; round++) {
      var child = Child.start(home, properties(database), round);
      try (var client = HttpClient.create(child.url().toURL())) {
        if (round > 1) assertAllThere(client, "after kill " + (round - 1));
        driveAndKill(client, child);
      } finally {
        child.kill();
      }
    }
    var last = Child.start(home, properties(database), KILLS + 1);
    try (var client = HttpClient.create(last.url().toURL())) {
      assertAllThere(client, "after kill " + KILLS);
      // And the outbox delivers every one of them.
      var numbers = Set.copyOf(tickets);
      await("every confirmed ticket delivered", () -> delivered.containsAll(numbers));
    } finally {
      last.stop();
    }
  }

  /** The child's configuration: application.yml's defaults but for ports, the sink and an agent. */
  private Map<String, String> properties(Map<String, String> database) {
    var properties = new HashMap<>(database);
    properties.put("micronaut.server.port", "-1");
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.port", "0");
    properties.put("tierzero.kb.model", "none"); // BM25 only: a start in seconds
    properties.put("tierzero.kb.watch", "false");
    // Every user here is 127.0.0.1, one rate-limit bucket.
    properties.put("tierzero.security.rate-limits.enabled", "false");
    // Every simulated user raises a ticket from 127.0.0.1 as the same requester.
    properties.put("tierzero.tickets.limits.per-address-per-hour", "1000000");
    properties.put("tierzero.tickets.limits.per-requester-per-hour", "1000000");
    properties.put(
        "tierzero.security.agents." + AGENT + ".password-hash",
        PasswordHashes.hash(AGENT_PASSWORD.toCharArray(), 1_000));
    properties.put(
        "tierzero.tickets.webhooks.helpdesk.url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    properties.put("tierzero.tickets.webhooks.helpdesk.timeout", "2s");
    properties.put("tierzero.tickets.outbox.poll-interval", "200ms");
    // An attempt the kill interrupted is retried when its lease ends: soon, here.
    properties.put("tierzero.tickets.outbox.lease", "5s");
    return properties;
  }

  /**
   * {@link #USERS} users each go round: start a conversation, ask, rate the answer, ask for a
   * person, raise a ticket. The kill lands at a random moment once enough tickets were confirmed.
   */
  private void driveAndKill(HttpClient client, Child child) throws Exception {
    var killed = new AtomicBoolean();
    var ticketsThisRound = new AtomicInteger();
    var unexpected = new CopyOnWriteArrayList<String>();
    var users = new ArrayList<Thread>();
    for (int u = 0; u < USERS; u++) {
      users.add(
          Thread.ofPlatform()
              .name("user-" + u)
              .start(
                  () -> {
                    while (!killed.get()) {
                      try {
                        oneConversation(client, ticketsThisRound);
                      } catch (RuntimeException | AssertionError e) {
                        // After the kill: the bot died under this request, which was never
                        // confirmed.
                        if (!killed.get()) unexpected.add(e.toString());
                        return;
                      }
                    }
                  }));
    }
    var deadline = Instant.now().plusSeconds(60);
    while (ticketsThisRound.get() < TICKETS_BEFORE_KILL && unexpected.isEmpty()) {
      if (Instant.now().isAfter(deadline))
        fail("only " + ticketsThisRound.get() + " tickets in 60 s");
      Thread.sleep(10);
    }
    Thread.sleep(random.nextInt(KILL_WINDOW_MS));
    killed.set(true);
    child.kill();
    for (var user : users) user.join(30_000);
    assertEquals(List.of(), unexpected, "errors before the kill");
    System.out.printf(
        "KilledBotTest killed with %d conversations, %d votes, %d tickets confirmed%n",
        conversations.size(), votes.size(), tickets.size());
  }

  private void oneConversation(HttpClient client, AtomicInteger ticketsThisRound) {
    var started =
        client
            .toBlocking()
            .retrieve(HttpRequest.POST("/api/conversations", Map.of()), StartedConversation.class);
    var confirmed = new Confirmed(started);
    conversations.add(confirmed);

    var answer = say(client, confirmed, "my laptop battery drains very fast");
    var rated =
        client
            .toBlocking()
            .exchange(
                HttpRequest.POST(
                        "/api/conversations/" + started.id() + "/feedback",
                        Map.of("messageId", answer.get(0).id(), "vote", "up"))
                    .header(TOKEN, started.token()),
                FeedbackReceipt.class);
    assertEquals(HttpStatus.OK, rated.getStatus());
    votes.add(new Vote(started, answer.get(0).id(), rated.body().id()));

    say(client, confirmed, "talk to a person");
    HttpResponse<TicketReceipt> ticket =
        client
            .toBlocking()
            .exchange(
                HttpRequest.POST(
                        "/api/conversations/" + started.id() + "/ticket",
                        Map.of("name", "Jo Bloggs", "email", "jo@example.com", "consent", true))
                    .header(TOKEN, started.token()),
                TicketReceipt.class);
    assertEquals(HttpStatus.CREATED, ticket.getStatus());
    tickets.add(ticket.body().number());
    ticketsThisRound.incrementAndGet();
  }

  private static List<BotMessage> say(HttpClient client, Confirmed confirmed, String text) {
    var c = confirmed.conversation;
    var replies =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST("/api/conversations/" + c.id() + "/messages", Map.of("text", text))
                    .header(TOKEN, c.token()),
                ChatResponse.class)
            .replies();
    assertTrue(replies.stream().noneMatch(m -> m.id().startsWith("unsaved-")), replies.toString());
    confirmed.userTexts.add(text);
    replies.forEach(m -> confirmed.replyIds.add(m.id()));
    return replies;
  }

  /** Every confirmed write, read back over the API of the restarted bot. */
  private void assertAllThere(HttpClient client, String when) {
    var lost = new ArrayList<String>();
    for (var confirmed : conversations) {
      var c = confirmed.conversation;
      var transcript =
          read(
              client,
              HttpRequest.GET("/api/conversations/" + c.id()).header(TOKEN, c.token()),
              Transcript.class);
      if (transcript == null || transcript.id() == null) {
        lost.add("conversation " + c.id());
        continue;
      }
      // No messages yet is left out of the JSON.
      var messages =
          transcript.messages() == null ? List.<Transcript.Entry>of() : transcript.messages();
      var said =
          messages.stream()
              .filter(m -> m.from().equals("user"))
              .map(Transcript.Entry::text)
              .toList();
      // The message in flight at the kill may or may not be there; every confirmed one must be.
      if (said.size() < confirmed.userTexts.size()
          || !said.subList(0, confirmed.userTexts.size()).equals(confirmed.userTexts)) {
        lost.add(
            "messages of " + c.id() + ": confirmed " + confirmed.userTexts + ", stored " + said);
      }
      var ids = messages.stream().map(Transcript.Entry::id).collect(Collectors.toSet());
      for (var id : confirmed.replyIds)
        if (!ids.contains(id)) lost.add("reply " + id + " of " + c.id());
    }
    for (var vote : votes) {
      // Voting again on the same reply changes the stored vote: same id, "changed".
      var again =
          read(
              client,
              HttpRequest.POST(
                      "/api/conversations/" + vote.conversation().id() + "/feedback",
                      Map.of("messageId", vote.messageId(), "vote", "up"))
                  .header(TOKEN, vote.conversation().token()),
              FeedbackReceipt.class);
      if (again == null || !again.changed() || !vote.id().equals(again.id()))
        lost.add("vote " + vote.id());
    }
    for (var number : tickets) {
      var ticket =
          read(
              client,
              HttpRequest.GET("/api/agent/tickets/" + number).header("Authorization", basic()),
              AgentTicket.class);
      if (ticket == null || ticket.number() == null) {
        lost.add("ticket " + number);
      } else if (ticket.deliveries() == null
          || ticket.deliveries().stream().noneMatch(d -> d.sink().equals("webhook:helpdesk"))) {
        lost.add("outbox row of " + number);
      }
    }
    assertEquals(
        List.of(),
        lost,
        when
            + ": lost "
            + lost.size()
            + " of "
            + (conversations.size() + votes.size() + tickets.size())
            + " confirmed conversations, votes and tickets");
  }

  /** The body of a 2xx; null for a 404 (or any other error). */
  private static <T> T read(HttpClient client, HttpRequest<?> request, Class<T> type) {
    try {
      return client.toBlocking().retrieve(request, type);
    } catch (HttpClientResponseException e) {
      return null;
    }
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((AGENT + ":" + AGENT_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    var deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) fail("Gave up waiting for: " + what);
      Thread.sleep(50);
    }
  }

  /**
   * The bot in its own JVM, working directory {@code home}, as {@code java -cp ... Application}
   * runs it.
   */
  private record Child(Process process, URI url, Path log) {
    static Child start(Path home, Map<String, String> properties, int run) throws Exception {
      var command = new ArrayList<String>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-cp");
      command.add(mainClassPath());
      command.add(Application.class.getName());
      var log = home.resolve("bot-" + run + ".log");
      var process =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      var deadline = Instant.now().plus(START_PATIENCE);
      while (Instant.now().isBefore(deadline)) {
        var m = RUNNING.matcher(Files.readString(log));
        if (m.find()) return new Child(process, URI.create(m.group(1)), log);
        if (!process.isAlive()) break;
        Thread.sleep(50);
      }
      process.destroyForcibly();
      throw new AssertionError("the bot did not start:\n" + Files.readString(log));
    }

    /** The test's classpath without its test classes: the bot's own classes and libraries. */
    private static String mainClassPath() {
      return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .filter(entry -> !entry.endsWith("test-classes"))
          .collect(Collectors.joining(File.pathSeparator));
    }

    /** SIGKILL: no shutdown hook, no close, no flush. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child is gone");
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (var source : (Iterable<Path>) files::iterator) {
        var target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
