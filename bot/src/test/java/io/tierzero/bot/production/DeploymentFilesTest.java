package io.tierzero.bot.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.bot.Application;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dockerfile, compose.yaml, the systemd unit and the example configuration are valid and agree
 * with each other and with the repository, checked without a container runtime: every file an
 * instruction copies exists, both ways of running use the same command, the YAML parses and names
 * only variables the environment file documents. ({@code PackagedJarIT} then runs that command.)
 */
class DeploymentFilesTest {
  /** The JVM's AOT cache beside bot.jar, which both ways of running read. */
  static final String AOT_CACHE = "bot.aot";

  @Test
  void the_dockerfile_builds_with_the_wrapper_and_runs_on_a_jre_21_or_newer_as_a_non_root_user() {
    var instructions = DeploymentFiles.dockerfile();
    var froms =
        instructions.stream()
            .filter(i -> i.keyword().equals("FROM"))
            .map(DeploymentFiles.Instruction::arguments)
            .toList();
    assertTrue(froms.size() >= 2, "multi-stage: " + froms);
    var runImage = froms.get(froms.size() - 1);
    var version = Pattern.compile(":(\\d+)").matcher(runImage);
    assertTrue(
        version.find() && Integer.parseInt(version.group(1)) >= 21,
        "run image on Java 21+: " + runImage);
    assertTrue(runImage.contains("jre"), "a JRE to run on: " + runImage);
    assertTrue(
        instructions.stream()
            .anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("./mvnw")),
        "built with the Maven wrapper");

    var lastStage = instructions.subList(lastIndexOf(instructions, "FROM"), instructions.size());
    var users =
        lastStage.stream()
            .filter(i -> i.keyword().equals("USER"))
            .map(DeploymentFiles.Instruction::arguments)
            .toList();
    assertFalse(users.isEmpty(), "no USER: the bot would run as root");
    assertNotEquals("root", users.get(users.size() - 1));
    assertNotEquals("0", users.get(users.size() - 1));

    var volumes =
        lastStage.stream()
            .filter(i -> i.keyword().equals("VOLUME"))
            .map(DeploymentFiles.Instruction::arguments)
            .collect(Collectors.joining(" "));
    assertTrue(volumes.contains("/app/data") && volumes.contains("/app/articles"), volumes);
    var health =
        lastStage.stream().filter(i -> i.keyword().equals("HEALTHCHECK")).findFirst().orElseThrow();
    assertTrue(health.arguments().contains("/health"), health.arguments());
    var env =
        lastStage.stream()
            .filter(i -> i.keyword().equals("ENV"))
            .map(DeploymentFiles.Instruction::arguments)
            .collect(Collectors.joining(" "));
    assertTrue(env.contains("MICRONAUT_ENVIRONMENTS=" + Application.PROD_ENVIRONMENT), env);
  }

  @Test
  void every_file_the_dockerfile_copies_from_the_context_exists_and_is_not_ignored() {
    var ignored =
        DeploymentFiles.read(DeploymentFiles.ROOT.resolve(".dockerignore")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    var copies =
        DeploymentFiles.dockerfile().stream()
            .filter(i -> i.keyword().equals("COPY") || i.keyword().equals("ADD"))
            .filter(i -> !i.arguments().startsWith("--from"))
            .toList();
    assertFalse(copies.isEmpty());
    for (var copy : copies) {
      var words = List.of(copy.arguments().split("\\s+"));
      for (var source : words.subList(0, words.size() - 1)) {
        if (source.startsWith("--")) continue;
        var path = DeploymentFiles.ROOT.resolve(source);
        assertTrue(Files.exists(path), "COPY source missing: " + source);
        for (var pattern : ignored) {
          var plain = pattern.replace("**/", "").replaceAll("/$", "");
          assertFalse(
              source.replaceAll("/$", "").equals(plain), source + " is excluded by .dockerignore");
        }
      }
    }
    // The build stage must hold everything the reactor reads outside the modules' own folders.
    var copied =
        copies.stream()
            .map(DeploymentFiles.Instruction::arguments)
            .collect(Collectors.joining(" "));
    for (var needed :
        List.of(
            "mvnw",
            ".mvn/",
            "pom.xml",
            "kb-indexer/",
            "bot/",
            "widget/src/",
            "widget/bundler/",
            "articles/")) {
      assertTrue(copied.contains(needed), needed + " not copied: " + copied);
    }
  }

  @Test
  void the_systemd_unit_runs_the_same_command_as_the_image_from_its_working_directory()
      throws Exception {
    var unit = DeploymentFiles.unit();
    var service = unit.get("Service");
    assertTrue(
        service != null && unit.containsKey("Unit") && unit.containsKey("Install"),
        unit.keySet().toString());
    assertFalse(service.getOrDefault("User", "root").equals("root"), "runs as root");
    assertTrue(service.containsKey("EnvironmentFile"), service.toString());
    assertTrue(service.containsKey("WorkingDirectory"), service.toString());

    var execStart = List.of(service.get("ExecStart").split("\\s+"));
    assertTrue(
        execStart.get(0).startsWith("/") && execStart.get(0).endsWith("/java"), execStart.get(0));
    assertEquals(
        entrypoint().subList(1, entrypoint().size()),
        execStart.subList(1, execStart.size()),
        "the unit and the image start the bot differently");

    var analyze = Path.of("/usr/bin/systemd-analyze");
    if (Files.isExecutable(analyze)) {
      var process =
          new ProcessBuilder(analyze.toString(), "verify", DeploymentFiles.UNIT.toString())
              .redirectErrorStream(true)
              .start();
      var output = new String(process.getInputStream().readAllBytes());
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      // Other units on the machine may be reported too; only this one's lines count.
      var own = output.lines().filter(l -> l.contains("tierzero.service")).toList();
      assertEquals(0, process.exitValue(), output);
      assertEquals(List.of(), own, output);
    }
  }

  @Test
  void the_image_records_the_aot_cache_its_command_reads_on_its_own_java_runtime() {
    var instructions = DeploymentFiles.dockerfile();
    var lastStage = instructions.subList(lastIndexOf(instructions, "FROM"), instructions.size());
    assertTrue(entrypoint().contains("-XX:AOTCache=" + AOT_CACHE), entrypoint().toString());
    // In the last stage: a cache recorded on the build stage's JDK is refused by the JRE.
    int jar =
        indexOf(lastStage, i -> i.keyword().equals("COPY") && i.arguments().endsWith(" bot.jar"));
    int record =
        indexOf(
            lastStage,
            i ->
                i.keyword().equals("RUN")
                    && i.arguments().contains("aot-cache.sh bot.jar " + AOT_CACHE));
    assertTrue(
        jar >= 0 && record > jar,
        "the run stage records " + AOT_CACHE + " for the bot.jar it copied: " + lastStage);
    assertTrue(
        lastStage.subList(0, record).stream()
            .anyMatch(
                i -> i.keyword().equals("COPY") && i.arguments().contains("bot/aot-cache.sh")),
        "the training script is copied before it runs");
    var user = indexOf(lastStage, i -> i.keyword().equals("USER"));
    assertTrue(
        user > record, "recorded before the image drops to its user, which cannot write /app");
  }

  @Test
  void the_training_run_uses_the_deployment_commands_jvm_options() {
    // A cache recorded with other modules or native-access settings is not used at start.
    var script =
        String.join("\n", DeploymentFiles.read(DeploymentFiles.ROOT.resolve("bot/aot-cache.sh")));
    var training =
        script.lines().filter(l -> l.contains("-XX:AOTCacheOutput")).findFirst().orElseThrow();
    var words = entrypoint();
    var options =
        String.join(
            " ",
            words.subList(1, words.indexOf("-jar")).stream()
                .filter(w -> !w.startsWith("-XX:AOTCache="))
                .toList());
    assertTrue(options.contains("jdk.incubator.vector"), options);
    assertTrue(
        training.contains(options),
        "the training run starts java with other options than " + options + ": " + training);
  }

  @Test
  void the_systemd_unit_documents_how_to_record_its_aot_cache() {
    var text = String.join("\n", DeploymentFiles.read(DeploymentFiles.UNIT));
    assertTrue(
        text.contains("aot-cache.sh bot.jar " + AOT_CACHE),
        "the install steps record the cache the unit reads");
    assertTrue(
        DeploymentFiles.unit()
            .get("Service")
            .get("ExecStart")
            .contains("-XX:AOTCache=" + AOT_CACHE));
  }

  @Test
  @SuppressWarnings("unchecked")
  void compose_starts_the_bot_image_with_postgresql_and_the_example_configuration() {
    Map<String, Object> compose =
        new Yaml().load(String.join("\n", DeploymentFiles.read(DeploymentFiles.COMPOSE)));
    var services = (Map<String, Map<String, Object>>) compose.get("services");
    assertTrue(
        services.containsKey("bot") && services.containsKey("postgres"),
        services.keySet().toString());
    var postgres = services.get("postgres");
    assertTrue(postgres.get("image").toString().startsWith("postgres:"), postgres.toString());
    assertTrue(postgres.containsKey("healthcheck"), "the bot waits for a healthy database");

    var bot = services.get("bot");
    assertEquals(".", bot.get("build"));
    var dependsOn = (Map<String, Map<String, String>>) bot.get("depends_on");
    assertEquals("service_healthy", dependsOn.get("postgres").get("condition"));
    var environment = (Map<String, Object>) bot.get("environment");
    assertEquals(Application.PROD_ENVIRONMENT, environment.get("MICRONAUT_ENVIRONMENTS"));
    assertTrue(
        environment
            .get("DATASOURCES_DEFAULT_URL")
            .toString()
            .startsWith("jdbc:postgresql://postgres:"),
        environment.toString());
    assertTrue(
        Files.exists(DeploymentFiles.ROOT.resolve(bot.get("env_file").toString())),
        "env_file " + bot.get("env_file"));

    var configFile = environment.get("MICRONAUT_CONFIG_FILES").toString();
    var mounted = new ArrayList<String>();
    for (var volume : (List<String>) bot.get("volumes")) {
      var parts = volume.split(":");
      if (parts[0].startsWith(".")) {
        assertTrue(
            Files.exists(DeploymentFiles.ROOT.resolve(parts[0])),
            "bind mount source missing: " + parts[0]);
      }
      mounted.add(parts[1]);
    }
    assertTrue(mounted.contains(configFile), configFile + " is not mounted: " + mounted);
    assertTrue(mounted.containsAll(List.of("/app/data", "/app/articles")), mounted.toString());
    var namedVolumes = (Map<String, Object>) compose.get("volumes");
    for (var volume : (List<String>) bot.get("volumes")) {
      var source = volume.split(":")[0];
      if (!source.startsWith(".") && !source.startsWith("/"))
        assertTrue(namedVolumes.containsKey(source), source);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_example_configuration_parses_names_every_required_key_and_only_documented_variables() {
    var text = String.join("\n", DeploymentFiles.read(DeploymentFiles.PROD_CONFIG));
    Map<String, Object> config = new Yaml().load(text);
    var tierzero = (Map<String, Map<String, Object>>) config.get("tierzero");
    assertTrue(tierzero.get("directory").containsKey("url"));
    assertTrue(tierzero.get("mail").containsKey("host"));
    assertTrue(tierzero.get("flows").containsKey("code-pepper"));
    assertTrue(tierzero.get("security").containsKey("agents"));

    var documented = DeploymentFiles.environmentFileNames();
    var used =
        Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)")
            .matcher(
                text.lines()
                    .filter(l -> !l.strip().startsWith("#"))
                    .collect(Collectors.joining("\n")));
    while (used.find())
      assertTrue(
          documented.contains(used.group(1)), used.group(1) + " is not in deploy/tierzero.env");
    var env = DeploymentFiles.environmentFile();
    assertEquals(Application.PROD_ENVIRONMENT, env.get("MICRONAUT_ENVIRONMENTS"));
    assertTrue(env.get("MICRONAUT_CONFIG_FILES").endsWith("application-prod.yml"), env.toString());
    // Secrets are for the operator to fill in: the example holds none.
    for (var secret :
        List.of(
            "TIERZERO_CONSOLE_SECRET",
            "TIERZERO_FLOWS_CODE_PEPPER",
            "TIERZERO_DIRECTORY_BIND_PASSWORD",
            "TIERZERO_MAIL_PASSWORD",
            "TIERZERO_ADMIN_PASSWORD_HASH",
            "DATASOURCES_DEFAULT_PASSWORD")) {
      assertEquals("", env.get(secret), secret);
    }
  }

  /** The image's start command, the one both ways of running share. */
  static List<String> entrypoint() {
    var entrypoint =
        DeploymentFiles.dockerfile().stream()
            .filter(i -> i.keyword().equals("ENTRYPOINT"))
            .reduce((a, b) -> b)
            .orElseThrow();
    var words = DeploymentFiles.execForm(entrypoint.arguments());
    assertEquals("java", words.get(0), words.toString());
    return words;
  }

  private static int indexOf(
      List<DeploymentFiles.Instruction> instructions,
      java.util.function.Predicate<DeploymentFiles.Instruction> test) {
    for (int i = 0; i < instructions.size(); i++) if (test.test(instructions.get(i))) return i;
    return -1;
  }

  private static int lastIndexOf(List<DeploymentFiles.Instruction> instructions, String keyword) {
    for (int i = instructions.size() - 1; i >= 0; i--)
      if (instructions.get(i).keyword().equals(keyword)) return i;
    return -1;
  }
}
