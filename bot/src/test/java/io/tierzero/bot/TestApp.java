package io.tierzero.bot;

import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Properties for a test's own bot: a private copy of the fixture articles, its own index and its
 * own H2 file, all in a fresh temporary folder, so test classes never share state.
 */
public final class TestApp {
  /** A handful of real articles, frozen, so answers in tests do not move with the live KB. */
  public static final Path FIXTURE_ARTICLES = Path.of("src/test/resources/fixture-articles");

  /** The knowledge base's own priority table ({@code articles/priorities.yaml}). */
  public static final Path SHIPPED_PRIORITIES = Path.of("../articles/priorities.yaml");

  /** The knowledge base's own intents (small talk, a person, tickets, non-IT topics). */
  public static final Path INTENTS = Path.of("../articles/intents");

  /**
   * The fixture's index, built once per test JVM and copied into each new home: embedding the
   * intents' examples and the articles' passages is most of a test context's start, and the index
   * keeps articles by relative path and content hash, so a copy is up to date.
   */
  private static Path templateIndex;

  private TestApp() {}

  /** A new folder holding {@code articles/} (a copy of the fixture); removed when the JVM exits. */
  public static Path newHome() {
    try {
      var home = Files.createTempDirectory("tierzero-test");
      copyTree(FIXTURE_ARTICLES, home.resolve("articles"));
      // The shipped priority table: tickets in tests are triaged as in production.
      Files.copy(
          SHIPPED_PRIORITIES, home.resolve("articles").resolve(SHIPPED_PRIORITIES.getFileName()));
      // The real intents: small talk, handoffs and redirects are what the knowledge base says.
      copyTree(INTENTS, home.resolve("articles/intents"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home)));
      copyTree(templateIndex(), home.resolve("index"));
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Bot properties for {@code home}: its articles and index, an H2 file, the generated code pepper,
   * no folder watching, the knowledge base open before the server serves.
   */
  public static Map<String, String> properties(Path home) {
    var properties = new HashMap<String, String>();
    // A free port: application.yml asks for 8080, which a running bot may hold.
    properties.put("micronaut.server.port", "-1");
    properties.put("tierzero.kb.articles-dir", home.resolve("articles").toString());
    properties.put("tierzero.kb.index-dir", home.resolve("index").toString());
    properties.put("tierzero.kb.watch", "false");
    // Health is UP and the knowledge base in service once the test's server runs
    // (KnowledgeBaseOpeningTest covers the production default: serving while it opens).
    properties.put("tierzero.kb.open-before-serving", "true");
    properties.put("tierzero.flows.code-pepper-file", home.resolve("code-pepper").toString());
    properties.put(
        "datasources.default.url",
        "jdbc:h2:file:"
            + home.resolve("db/tierzero").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0");
    return properties;
  }

  public static Map<String, String> properties() {
    return properties(newHome());
  }

  private static synchronized Path templateIndex() throws IOException {
    if (templateIndex == null) {
      var home = Files.createTempDirectory("tierzero-test-index");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home)));
      copyTree(FIXTURE_ARTICLES, home.resolve("articles"));
      copyTree(INTENTS, home.resolve("articles/intents"));
      try (var kb =
          KnowledgeBase.open(KbConfig.of(home.resolve("articles"), home.resolve("index")))) {
        // Opening builds the index and the intents' example vectors; nothing else to do.
      }
      templateIndex = home.resolve("index");
    }
    return templateIndex;
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

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: it is a temporary folder.
    }
  }
}
