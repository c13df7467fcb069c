package io.tierzero.bot.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.TestApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bot serves while its knowledge base is still opening: health says so, and a question asked
 * then waits for the knowledge base instead of getting a wrong "no answer".
 *
 * <p>The open is held back for real: one intents file is a named pipe, which the open reads (and
 * blocks on) until the test writes the file's content into it.
 */
class KnowledgeBaseOpeningTest {
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void
      a_question_asked_while_the_knowledge_base_opens_waits_and_gets_the_article_and_readiness_is_down_until_then()
          throws Exception {
    var home = TestApp.newHome();
    var smalltalk = home.resolve("articles/intents/smalltalk.yaml");
    var content = Files.readString(smalltalk);
    Files.delete(smalltalk);
    assumeTrue(mkfifo(smalltalk), "needs mkfifo to hold the open back");

    var properties = new HashMap<String, Object>(TestApp.properties(home));
    properties.put("tierzero.kb.open-before-serving", "false");
    var starting =
        CompletableFuture.supplyAsync(
            () -> ApplicationContext.run(EmbeddedServer.class, properties, "test"));
    EmbeddedServer server = null;
    try {
      // The server comes up although the knowledge base cannot finish opening.
      server = starting.get(60, TimeUnit.SECONDS);
      var base = "http://127.0.0.1:" + server.getPort();

      var readiness = get(base + "/health/readiness");
      assertEquals(503, readiness.statusCode(), readiness.body());
      assertTrue(readiness.body().contains("DOWN"), readiness.body());
      assertEquals(503, get(base + "/health").statusCode());

      var reply = CompletableFuture.supplyAsync(() -> ask(base, "my mailbox is full"));
      Thread.sleep(500);
      assertFalse(
          reply.isDone(), () -> "answered before the knowledge base was open: " + reply.join());

      release(smalltalk, content);

      var answer = reply.get(60, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("\"type\":\"answer\""), answer.body());
      assertTrue(answer.body().contains("mailbox-full"), answer.body());
      assertEquals(
          200, awaitReady(base + "/health/readiness"), "ready once the knowledge base serves");
    } finally {
      if (server == null) {
        // The start is stuck behind the open (the knowledge base blocks it): let it finish, then
        // stop.
        release(smalltalk, content);
        starting.get(120, TimeUnit.SECONDS).close();
      } else {
        server.close();
      }
    }
  }

  private static boolean mkfifo(Path path) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes the file's content to the reader waiting on the pipe and, before the reader sees its
   * end, puts a plain file in its place: later reads of the intents (each rebuild) find the file.
   */
  private static void release(Path pipe, String content) throws IOException {
    if (!Files.exists(pipe) || Files.isRegularFile(pipe)) return;
    var plain = pipe.resolveSibling(".smalltalk.plain");
    Files.writeString(plain, content);
    try (var out = Files.newOutputStream(pipe)) {
      out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Files.move(plain, pipe, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        BodyHandlers.ofString());
  }

  /** A user's first question: a new conversation, then the message. */
  private HttpResponse<String> ask(String base, String question) {
    try {
      var started =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/conversations"))
                  .POST(BodyPublishers.noBody())
                  .build(),
              BodyHandlers.ofString());
      var id = ID.matcher(started.body());
      var token = TOKEN.matcher(started.body());
      assertTrue(id.find() && token.find(), started.body());
      return http.send(
          HttpRequest.newBuilder(
                  URI.create(base + "/api/conversations/" + id.group(1) + "/messages"))
              .header("Content-Type", "application/json")
              .header("X-Conversation-Token", token.group(1))
              .POST(BodyPublishers.ofString("{\"text\":\"" + question + "\"}"))
              .build(),
          BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int awaitReady(String url) throws Exception {
    int status = 0;
    for (int i = 0; i < 300 && status != 200; i++) {
      status = get(url).statusCode();
      if (status != 200) Thread.sleep(100);
    }
    return status;
  }
}
