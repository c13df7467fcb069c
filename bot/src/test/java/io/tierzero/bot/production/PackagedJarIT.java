package io.tierzero.bot.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import io.tierzero.bot.identity.DirectoryConfiguration;
import io.tierzero.bot.security.PasswordHashes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The packaged jar, started the way the Dockerfile and the systemd unit start it, from a plain
 * folder holding only {@code bot.jar} and {@code articles/}, with the example environment file and
 * configuration, and the JVM's AOT cache recorded there as the image records it: it starts in prod
 * from that cache, reports healthy, answers a question and sends a code through the configured
 * directory and mail server; and neither that start nor the README's demo start prints alarming
 * noise. Runs after {@code package} (the build's integration-test phase).
 */
@EnabledIfSystemProperty(
    named = "tierzero.packaged",
    matches = "true",
    disabledReason =
        "tests the packaged jar: runs in the build's packaged-jar execution, after package")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {
  private static final Path JAR = Path.of("target/bot.jar").toAbsolutePath();

  /**
   * A first start indexes and embeds every article; on a busy two-core machine that takes a while.
   */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private static final String AGENT = "admin";
  private static final String AGENT_PASSWORD = "admin-pass-123456";

  /** Lines a start must not print: each once looked like a fault to whoever started the jar. */
  private static final List<Pattern> NOISE =
      List.of(
          Pattern.compile("vector incubator module is not readable"),
          Pattern.compile("CUDA|GPU count"),
          Pattern.compile("with password"),
          Pattern.compile("(?i)\\bexception\\b"),
          // The JVM's unified log, e.g. "[0.1s][error][aot] Unable to map shared spaces" for an
          // unusable cache.
          Pattern.compile("\\[(error|warning) *\\]"),
          Pattern.compile("^\\S+ (WARN|ERROR) "));

  /** The JVM's own notice for any incubator module; it cannot be turned off and names no fault. */
  private static final String INCUBATOR_NOTICE =
      "WARNING: Using incubator modules: jdk.incubator.vector";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Path home;
  private InMemoryDirectoryServer directory;
  private GreenMail smtp;

  @BeforeAll
  void layOut() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: this test runs after package");
    home = Files.createTempDirectory("tierzero-plain");
    Files.copy(JAR, home.resolve("bot.jar"));
    copyTree(DeploymentFiles.ROOT.resolve("articles"), home.resolve("articles"));
    Files.copy(DeploymentFiles.PROD_CONFIG, home.resolve("application-prod.yml"));
    recordAotCache();

    var config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    config.setSchema(null);
    config.addAdditionalBindCredentials(
        DirectoryConfiguration.DEFAULT_BIND_DN, "directory-service-secret");
    directory = new InMemoryDirectoryServer(config);
    try (var in = getClass().getClassLoader().getResourceAsStream("identity/demo-directory.ldif")) {
      directory.importFromLDIF(true, new LDIFReader(in));
    }
    directory.startListening();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (directory != null) directory.shutDown(true);
    if (smtp != null) smtp.stop();
    if (home != null) {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Records the JVM's AOT cache in the plain folder as the image does, with this JVM: the command
   * reads {@code bot.aot} from there. The starts below insist on it ({@code -XX:AOTMode=on} makes
   * an unusable cache a failed start), so the cache the deployment records is one the deployment
   * command can use.
   */
  private void recordAotCache() throws Exception {
    var log = Files.createTempFile("tierzero-aot", ".log");
    var builder =
        new ProcessBuilder(
                "bash",
                DeploymentFiles.ROOT.resolve("bot/aot-cache.sh").toString(),
                "bot.jar",
                DeploymentFilesTest.AOT_CACHE,
                String.valueOf(freePort()))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("TIERZERO_")
                    || k.startsWith("MICRONAUT_")
                    || k.startsWith("DATASOURCES_"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    var process = builder.start();
    assertTrue(
        process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
        "no AOT cache within " + START_TIMEOUT + ": " + Files.readString(log));
    assertEquals(0, process.exitValue(), Files.readString(log));
    assertTrue(Files.size(home.resolve(DeploymentFilesTest.AOT_CACHE)) > 0);
    Files.delete(log);
  }

  /** The image's command, with this JVM's java in place of the one on the image's PATH. */
  private static List<String> command(String... before) {
    var words = new ArrayList<>(DeploymentFilesTest.entrypoint());
    words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    words.addAll(1, List.of(before));
    return words;
  }

  @Test
  @Order(1)
  void the_deployment_command_starts_in_prod_from_a_plain_folder_answers_and_sends_a_code()
      throws Exception {
    int port = freePort();
    var environment = new HashMap<>(DeploymentFiles.environmentFile());
    environment.put("MICRONAUT_CONFIG_FILES", home.resolve("application-prod.yml").toString());
    environment.put("TIERZERO_PORT", String.valueOf(port));
    environment.put(
        "TIERZERO_CONSOLE_SECRET",
        Base64.getEncoder().encodeToString(new byte[36]).replace('A', 'k'));
    environment.put("TIERZERO_FLOWS_CODE_PEPPER", "pepper-" + "0123456789abcdef".repeat(3));
    environment.put("TIERZERO_DIRECTORY_URL", "ldap://127.0.0.1:" + directory.getListenPort());
    environment.put("TIERZERO_DIRECTORY_BIND_PASSWORD", "directory-service-secret");
    environment.put("TIERZERO_MAIL_HOST", "127.0.0.1");
    environment.put("TIERZERO_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()));
    environment.put(
        "TIERZERO_ADMIN_PASSWORD_HASH", PasswordHashes.hash(AGENT_PASSWORD.toCharArray(), 1000));
    // The unit's own variable, and the embedded database instead of the example's PostgreSQL.
    environment.put("DJL_CACHE_DIR", home.resolve("data/djl").toString());
    environment.remove("DATASOURCES_DEFAULT_URL");
    environment.remove("DATASOURCES_DEFAULT_USERNAME");
    environment.remove("DATASOURCES_DEFAULT_PASSWORD");
    // The test's SMTP server speaks plain SMTP.
    environment.put("TIERZERO_MAIL_START_TLS", "false");
    var output =
        run(
            command("-XX:AOTMode=on"),
            environment,
            port,
            base -> {
              var health =
                  http.send(
                      HttpRequest.newBuilder(URI.create(base + "/health"))
                          .header("Authorization", basic(AGENT, AGENT_PASSWORD))
                          .build(),
                      BodyHandlers.ofString());
              assertEquals(200, health.statusCode(), health.body());
              assertTrue(health.body().contains("\"directory\""), health.body());

              var conversation = start(base);
              var answer = say(base, conversation, "my vpn keeps disconnecting");
              assertTrue(
                  answer.contains("\"answer\"")
                      || answer.contains("\"flow_step\"")
                      || answer.contains("\"clarify\""),
                  answer);

              say(base, start(base), "I forgot my password");
              int before = smtp.getReceivedMessages().length;
              var reset = start(base);
              say(base, reset, "I forgot my password");
              say(base, reset, "alice");
              // The code mail goes out after the reply.
              assertTrue(
                  smtp.waitForIncomingEmail(30_000, before + 1),
                  "no code sent through the configured mail server");
            });
    assertTrue(output.contains("Production settings complete"), output);
    assertQuiet(output);
  }

  @Test
  @Order(2)
  void the_readme_demo_start_is_quiet_too() throws Exception {
    int port = freePort();
    var environment = new HashMap<String, String>();
    environment.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
    environment.put("TIERZERO_DIRECTORY_EMBEDDED_PORT", String.valueOf(freePort()));
    environment.put("TIERZERO_MAIL_EMBEDDED_PORT", String.valueOf(freePort()));
    environment.put("DJL_CACHE_DIR", home.resolve("data/djl").toString());
    var output =
        run(
            command("-XX:AOTMode=on", "-Dmicronaut.environments=demo"),
            environment,
            port,
            base -> {
              var reset = start(base);
              say(base, reset, "I forgot my password");
              say(base, reset, "alice");
              var mail =
                  http.send(
                      HttpRequest.newBuilder(URI.create(base + "/api/agent/demo-mail"))
                          .header("Authorization", basic("demo-agent", "tierzero-demo"))
                          .build(),
                      BodyHandlers.ofString());
              assertEquals(200, mail.statusCode(), mail.body());
              assertTrue(mail.body().contains("alice@example.com"), mail.body());
            });
    assertQuiet(output);
  }

  private interface Check {
    void run(String base) throws Exception;
  }

  /**
   * Starts the command in the plain folder, waits for health, runs {@code check}, stops it; its
   * output.
   */
  private String run(List<String> command, Map<String, String> environment, int port, Check check)
      throws Exception {
    var log = Files.createTempFile("tierzero-jar", ".log");
    var builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("TIERZERO_")
                    || k.startsWith("MICRONAUT_")
                    || k.startsWith("DATASOURCES_"));
    builder.environment().putAll(environment);
    var process = builder.start();
    var base = "http://127.0.0.1:" + port;
    try {
      var deadline = Instant.now().plus(START_TIMEOUT);
      while (!up(base)) {
        assertTrue(process.isAlive(), "the bot exited: " + Files.readString(log));
        assertTrue(
            Instant.now().isBefore(deadline),
            "not healthy within " + START_TIMEOUT + ": " + Files.readString(log));
        Thread.sleep(500);
      }
      check.run(base);
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
    var output = Files.readString(log);
    Files.delete(log);
    return output;
  }

  private static void assertQuiet(String output) {
    var noisy =
        output
            .lines()
            .filter(line -> !line.equals(INCUBATOR_NOTICE))
            .filter(line -> NOISE.stream().anyMatch(p -> p.matcher(line).find()))
            .toList();
    assertEquals(List.of(), noisy, output);
    assertFalse(output.contains("not readable"), output);
  }

  private boolean up(String base) {
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("UP");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String[] start(String base) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/conversations"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            BodyHandlers.ofString());
    assertEquals(2, response.statusCode() / 100, response.body());
    var id = field(response.body(), "id");
    var token = field(response.body(), "token");
    return new String[] {id, token};
  }

  private String say(String base, String[] conversation, String text) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/conversations/" + conversation[0] + "/messages"))
                .header("Content-Type", "application/json")
                .header("X-Conversation-Token", conversation[1])
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                .build(),
            BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static String field(String json, String name) {
    var m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return m.group(1);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (var source : (Iterable<Path>) files::iterator) {
        var target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) Files.createDirectories(target);
        else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
