package io.tierzero.bot;

import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.slf4j.LoggerFactory;

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

  /** The knowledge base as shipped, read in place by the tests that answer from it. */
  public static final Path SHIPPED_ARTICLES = Path.of("../articles").toAbsolutePath().normalize();

  /** The shipped flows, which most test bots offer; their triggers are intents too. */
  public static final Path SHIPPED_FLOWS = SHIPPED_ARTICLES.resolve("flows");

  /**
   * Indexes built once for all test JVMs ({@link TestTemplates}) and copied into each new home:
   * embedding the intents' and the flows' examples and the articles' passages is most of a test
   * context's start, and the index keeps articles by relative path and content hash, so a copy is
   * up to date. One for the fixture, one for the shipped articles.
   */
  private static Path fixtureIndex;

  private static Path shippedIndex;

  /** The H2 database of a home, without H2's file suffix. */
  private static final String DATABASE = "db/tierzero";

  /**
   * An H2 database that Flyway migrated once for all test JVMs, copied into each new home: each
   * test still starts on an empty database of its own, and its bot's Flyway finds it up to date
   * instead of applying every migration again (seconds of each start). Migrating from empty stays
   * tested by this build and by the PostgreSQL tests, whose schemas start empty.
   */
  private static Path migratedDatabase;

  private TestApp() {}

  /** A new folder holding {@code articles/} (a copy of the fixture); removed when the JVM exits. */
  public static Path newHome() {
    return newHome(TestApp::fixtureIndex);
  }

  /**
   * A new home as {@link #newHome()} gives, whose index is that of the shipped articles and flows
   * instead of the fixture's, for a bot whose {@code tierzero.kb.articles-dir} is {@link
   * #SHIPPED_ARTICLES}.
   */
  public static Path newHomeForShippedArticles() {
    return newHome(TestApp::shippedIndex);
  }

  /**
   * Another index folder in {@code home} for a further bot on it (Lucene allows one writer per
   * folder): a copy of the home's index, made the first time that name is asked for, so a bot
   * started again on the same name finds the index it left.
   */
  public static Path indexCopy(Path home, String name) {
    var index = home.resolve(name);
    try {
      if (!Files.exists(index)) copyTree(home.resolve("index"), index);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Template {
    Path index() throws IOException;
  }

  private static Path newHome(Template template) {
    try {
      var home = Files.createTempDirectory("tierzero-test");
      copyTree(FIXTURE_ARTICLES, home.resolve("articles"));
      // The shipped priority table: tickets in tests are triaged as in production.
      Files.copy(
          SHIPPED_PRIORITIES, home.resolve("articles").resolve(SHIPPED_PRIORITIES.getFileName()));
      // The real intents: small talk, handoffs and redirects are what the knowledge base says.
      copyTree(INTENTS, home.resolve("articles/intents"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> TestTemplates.deleteTree(home)));
      copyTree(template.index(), home.resolve("index"));
      copyTree(migratedDatabase(), home.resolve(DATABASE).getParent());
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
    properties.put("datasources.default.url", h2Url(home.resolve(DATABASE)));
    return properties;
  }

  private static String h2Url(Path database) {
    return "jdbc:h2:file:"
        + database.toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0";
  }

  public static Map<String, String> properties() {
    return properties(newHome());
  }

  private static synchronized Path fixtureIndex() throws IOException {
    if (fixtureIndex == null) {
      var inputs = indexCode().files(FIXTURE_ARTICLES).files(INTENTS).files(SHIPPED_FLOWS);
      fixtureIndex =
          TestTemplates.template(
                  "fixture-index",
                  inputs,
                  folder -> {
                    // The fixture with the real intents, as every new home has them.
                    var home = Files.createTempDirectory("tierzero-test-index");
                    try {
                      copyTree(FIXTURE_ARTICLES, home.resolve("articles"));
                      copyTree(INTENTS, home.resolve("articles/intents"));
                      buildIndex(home.resolve("articles"), folder.resolve("index"));
                    } finally {
                      TestTemplates.deleteTree(home);
                    }
                  })
              .resolve("index");
    }
    return fixtureIndex;
  }

  private static synchronized Path shippedIndex() throws IOException {
    if (shippedIndex == null) {
      shippedIndex =
          TestTemplates.template(
                  "shipped-index",
                  indexCode().files(SHIPPED_ARTICLES),
                  folder -> buildIndex(SHIPPED_ARTICLES, folder.resolve("index")))
              .resolve("index");
    }
    return shippedIndex;
  }

  /**
   * What an index is made with besides its articles: the knowledge base library (index layout,
   * passages), Lucene (file format) and the embedding models (vectors).
   */
  private static TestTemplates.Digest indexCode() {
    return new TestTemplates.Digest()
        .code(KnowledgeBase.class)
        .code(IndexWriter.class)
        .code(OnnxBertBiEncoder.class)
        .code(AllMiniLmL6V2QuantizedEmbeddingModel.class)
        .code(BgeSmallEnV15QuantizedEmbeddingModel.class);
  }

  private static synchronized Path migratedDatabase() throws IOException {
    if (migratedDatabase == null) {
      // The bot's migrations as compiled, and the code that applies and stores them.
      var inputs =
          new TestTemplates.Digest()
              .files(migrations())
              .code(Flyway.class)
              .code(Driver.class)
              .text(h2Url(Path.of(DATABASE)));
      migratedDatabase =
          TestTemplates.template("migrated-db", inputs, TestApp::migrate)
              .resolve(DATABASE)
              .getParent();
    }
    return migratedDatabase;
  }

  /** The bot's Flyway migrations where the bot reads them: on the class path. */
  private static Path migrations() {
    try {
      return Path.of(TestApp.class.getClassLoader().getResource("db/migration").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void migrate(Path home) throws IOException {
    var url = h2Url(home.resolve(DATABASE));
    // The bot's own Flyway settings (application.yml): the default location, the default schema.
    Flyway.configure().dataSource(url, "sa", "").load().migrate();
    try (var connection = DriverManager.getConnection(url, "sa", "");
        var statement = connection.createStatement()) {
      // Closes the database, so the files copied are complete.
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IOException("Cannot close the migrated test database " + url, e);
    }
  }

  /**
   * Builds the index of {@code articles} with the intents' example vectors, the shipped flows'
   * triggers among them: a bot on a copy embeds no example the shipped flows already had, whether
   * its flows are those or none (the file of example vectors only shrinks when one is embedded).
   */
  private static Path buildIndex(Path articles, Path index) throws IOException {
    long start = System.nanoTime();
    try (var kb = KnowledgeBase.open(KbConfig.of(articles, index))) {
      kb.useFlowsDir(SHIPPED_FLOWS);
      LoggerFactory.getLogger(TestApp.class)
          .info(
              "Test index template of {} built: {} articles, {} passages embedded in {} ms",
              articles,
              kb.articles().size(),
              kb.lastBuild().embedded(),
              (System.nanoTime() - start) / 1_000_000);
    }
    return index;
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
