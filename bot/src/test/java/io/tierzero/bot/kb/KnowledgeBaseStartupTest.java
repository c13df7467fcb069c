package io.tierzero.bot.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the bot says at start about the articles it found: broken ones, and none at all. */
class KnowledgeBaseStartupTest {
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * Starts a bot on {@code home}, runs {@code check} against it, and returns what the opening
   * logged.
   */
  private List<ILoggingEvent> withBot(Path home, ThrowingCheck check) throws Exception {
    var logger = (Logger) LoggerFactory.getLogger(KnowledgeBaseOpening.class);
    var logs = new ListAppender<ILoggingEvent>();
    logs.start();
    logger.addAppender(logs);
    try (var server =
        ApplicationContext.run(
            EmbeddedServer.class,
            new java.util.HashMap<String, Object>(TestApp.properties(home)),
            "test")) {
      check.run(server);
    } finally {
      logger.detachAppender(logs);
    }
    return logs.list;
  }

  private interface ThrowingCheck {
    void run(EmbeddedServer server) throws Exception;
  }

  private int healthStatus(EmbeddedServer server) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/health"))
            .build();
    return http.send(request, BodyHandlers.ofString()).statusCode();
  }

  @Test
  void a_broken_article_at_start_is_logged_with_its_file_and_line_and_the_rest_serve()
      throws Exception {
    var home = TestApp.newHome();
    var broken = home.resolve("articles/network/broken-article.md");
    Files.writeString(
        broken,
        "---\nid: broken-article\ntitle: [unclosed\ncategory: network\n---\n\n# Broken\n\nBody.\n");

    var logs =
        withBot(
            home, server -> assertEquals(200, healthStatus(server), "the other articles serve"));

    var warnings =
        logs.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertTrue(
        warnings.stream()
            .anyMatch(
                m ->
                    m.matches(
                        "(?s).*" + java.util.regex.Pattern.quote(broken.toString()) + ":\\d+: .*")),
        warnings.toString());
  }

  @Test
  void an_empty_knowledge_base_is_logged_and_health_is_down() throws Exception {
    var home = TestApp.newHome();
    try (var files = Files.walk(home.resolve("articles"))) {
      for (var f : files.filter(f -> f.toString().endsWith(".md")).toList()) Files.delete(f);
    }

    var logs =
        withBot(
            home,
            server -> {
              var request =
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.getPort() + "/health"))
                      .build();
              var response = http.send(request, BodyHandlers.ofString());
              assertEquals(503, response.statusCode(), response.body());
              assertTrue(response.body().contains("DOWN"), response.body());
            });

    assertTrue(
        logs.stream()
            .anyMatch(
                e ->
                    e.getLevel() == Level.WARN
                        && e.getFormattedMessage()
                            .contains("No articles found in " + home.resolve("articles"))),
        logs.stream().map(ILoggingEvent::getFormattedMessage).toList().toString());
  }
}
