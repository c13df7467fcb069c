package io.tierzero.bot.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's deployment files read the way their tools read them: Dockerfile instructions
 * (comments dropped, continued lines joined), a systemd unit's sections, an environment file's
 * assignments. Enough to check them where neither Docker nor systemd runs.
 */
final class DeploymentFiles {
  /** The repository root, seen from the bot module where the tests run. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
  static final Path COMPOSE = ROOT.resolve("compose.yaml");
  static final Path UNIT = ROOT.resolve("deploy/tierzero.service");
  static final Path ENV_FILE = ROOT.resolve("deploy/tierzero.env");
  static final Path PROD_CONFIG = ROOT.resolve("deploy/application-prod.yml");

  private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private DeploymentFiles() {}

  /** One Dockerfile instruction: its keyword in upper case and the rest of the (joined) line. */
  record Instruction(String keyword, String arguments) {}

  static List<Instruction> dockerfile() {
    var instructions = new ArrayList<Instruction>();
    var current = new StringBuilder();
    for (var line : read(DOCKERFILE)) {
      var stripped = line.strip();
      if (current.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) continue;
      if (!current.isEmpty() && stripped.startsWith("#")) continue;
      if (stripped.endsWith("\\")) {
        current.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      current.append(stripped);
      var text = current.toString().strip();
      int space = text.indexOf(' ');
      instructions.add(
          new Instruction(
              text.substring(0, space).toUpperCase(java.util.Locale.ROOT),
              text.substring(space + 1).strip()));
      current.setLength(0);
    }
    return instructions;
  }

  /**
   * A JSON-array ("exec form") instruction's words, e.g. ENTRYPOINT ["java", "-jar", "bot.jar"].
   */
  static List<String> execForm(String arguments) {
    if (!arguments.startsWith("[") || !arguments.endsWith("]"))
      throw new AssertionError("not exec form: " + arguments);
    var words = new ArrayList<String>();
    Matcher m = JSON_STRING.matcher(arguments);
    while (m.find()) words.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    return words;
  }

  /** The unit's keys by section, e.g. {@code Service -> ExecStart -> /usr/bin/java ...}. */
  static Map<String, Map<String, String>> unit() {
    var sections = new LinkedHashMap<String, Map<String, String>>();
    Map<String, String> section = null;
    for (var line : read(UNIT)) {
      var stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) continue;
      if (stripped.startsWith("[")) {
        section =
            sections.computeIfAbsent(
                stripped.substring(1, stripped.length() - 1), k -> new LinkedHashMap<>());
      } else if (section != null) {
        int eq = stripped.indexOf('=');
        section.merge(
            stripped.substring(0, eq).strip(),
            stripped.substring(eq + 1).strip(),
            (a, b) -> a + "\n" + b);
      }
    }
    return sections;
  }

  /** The environment file's assignments (commented-out ones not included), in order. */
  static Map<String, String> environmentFile() {
    var values = new LinkedHashMap<String, String>();
    for (var line : read(ENV_FILE)) {
      var stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) continue;
      int eq = stripped.indexOf('=');
      if (eq < 1) throw new AssertionError("not KEY=VALUE in " + ENV_FILE + ": " + line);
      values.put(stripped.substring(0, eq), stripped.substring(eq + 1));
    }
    return values;
  }

  /** The environment file's names, assigned or commented out (as {@code #NAME=...}). */
  static List<String> environmentFileNames() {
    return read(ENV_FILE).stream()
        .map(l -> l.strip().replaceFirst("^#", ""))
        .filter(l -> l.matches("[A-Z][A-Z0-9_]*=.*"))
        .map(l -> l.substring(0, l.indexOf('=')))
        .toList();
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
