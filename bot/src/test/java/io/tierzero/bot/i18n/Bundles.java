package io.tierzero.bot.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The message bundles in one classpath folder ({@code i18n/chat.properties}, {@code
 * i18n/chat_fr.properties}, ...) and what is wrong with them, as sentences naming file and key.
 */
final class Bundles {
  /** {@code chat_fr_CA.properties}: base name {@code chat}, locale {@code fr_CA}. */
  private static final Pattern FILE =
      Pattern.compile("([a-z][a-z0-9-]*)((?:_[A-Za-z0-9]+)*)\\.properties");

  /**
   * Keys are lower case words with dashes, joined by dots ({@code chat.no-answer}); so code that
   * merely starts like one ({@code "chat.postMessage"}, a Slack method) is not taken for a key.
   */
  private static final String KEY_TAIL = "[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9][a-z0-9-]*)*";

  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  /** A bundle's files: the base (English) one first, then each language's by its file name. */
  record Bundle(String name, Properties base, Map<String, Properties> variants) {}

  private final Map<String, Bundle> bundles;

  private Bundles(Map<String, Bundle> bundles) {
    this.bundles = bundles;
  }

  /** Every bundle found in {@code folder} on the test classpath. */
  static Bundles in(String folder) {
    var url = Bundles.class.getClassLoader().getResource(folder);
    if (url == null) throw new IllegalArgumentException("no classpath folder " + folder);
    var bases = new TreeMap<String, Properties>();
    var variants = new TreeMap<String, Map<String, Properties>>();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      for (var file : files.sorted().toList()) {
        var name = FILE.matcher(file.getFileName().toString());
        if (!name.matches()) continue;
        var properties = load(file);
        if (name.group(2).isEmpty()) bases.put(name.group(1), properties);
        else
          variants
              .computeIfAbsent(name.group(1), k -> new TreeMap<>())
              .put(file.getFileName().toString(), properties);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    var found = new TreeMap<String, Bundle>();
    bases.forEach(
        (name, base) ->
            found.put(name, new Bundle(name, base, variants.getOrDefault(name, Map.of()))));
    variants.keySet().stream()
        .filter(name -> !bases.containsKey(name))
        .forEach(name -> found.put(name, new Bundle(name, null, variants.get(name))));
    return new Bundles(found);
  }

  Set<String> names() {
    return bundles.keySet();
  }

  /**
   * Every language has exactly the base's keys, every key starts with its bundle's name and a dot,
   * and every value is a valid {@link MessageFormat} pattern.
   */
  List<String> problems() {
    var problems = new ArrayList<String>();
    for (var bundle : bundles.values()) {
      if (bundle.base() == null) {
        problems.add(bundle.name() + ".properties is missing: a language has no base to follow");
        continue;
      }
      var keys = keys(bundle.base());
      for (var key : keys) {
        if (!key.matches(Pattern.quote(bundle.name()) + "\\." + KEY_TAIL))
          problems.add(
              bundle.name()
                  + ".properties: "
                  + key
                  + " is not the bundle's name, a dot and lower-case words with dashes");
      }
      checkPatterns(bundle.name() + ".properties", bundle.base(), problems);
      bundle
          .variants()
          .forEach(
              (file, properties) -> {
                var theirs = keys(properties);
                for (var key : keys) {
                  if (!theirs.contains(key)) problems.add(file + ": missing " + key);
                }
                for (var key : theirs) {
                  if (!keys.contains(key)) problems.add(file + ": " + key + " is not in the base");
                }
                checkPatterns(file, properties, problems);
              });
    }
    return problems;
  }

  /**
   * Every key named in {@code sources}, Java or page templates (a string literal that starts with a
   * bundle's name and a dot) is in that bundle, and every key of a bundle is named somewhere.
   */
  List<String> unmatched(Path... sources) {
    if (bundles.isEmpty()) return List.of();
    var literal =
        Pattern.compile("\"((?:" + String.join("|", bundles.keySet()) + ")\\." + KEY_TAIL + ")\"");
    var named = new TreeSet<String>();
    for (var root : sources) {
      try (Stream<Path> files = Files.walk(root)) {
        for (var file : files.filter(Bundles::isSource).toList()) {
          var matcher = literal.matcher(Files.readString(file));
          while (matcher.find()) named.add(matcher.group(1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    var problems = new ArrayList<String>();
    var defined = new TreeSet<String>();
    for (var bundle : bundles.values()) {
      if (bundle.base() != null) defined.addAll(keys(bundle.base()));
    }
    for (var key : named) {
      if (!defined.contains(key)) problems.add("no bundle has " + key + ", which the code uses");
    }
    for (var key : defined) {
      if (!named.contains(key)) problems.add(key + " is in a bundle but no code uses it");
    }
    return problems;
  }

  /** Java, and the page templates, which name their words as {@code t.get("kb.search.button")}. */
  private static boolean isSource(Path file) {
    var name = file.getFileName().toString();
    return name.endsWith(".java") || name.endsWith(".jte");
  }

  private static void checkPatterns(String file, Properties properties, List<String> problems) {
    for (var key : keys(properties)) {
      var value = properties.getProperty(key);
      try {
        new MessageFormat(value);
      } catch (IllegalArgumentException e) {
        problems.add(file + ": " + key + " is not a MessageFormat pattern: " + e.getMessage());
        continue;
      }
      // Valid, but it quotes the rest of the text ("don't {0}" never fills in {0}): a slip.
      if (LONE_APOSTROPHE.matcher(value).find())
        problems.add(file + ": " + key + " has a single apostrophe: write it twice");
    }
  }

  private static Set<String> keys(Properties properties) {
    return new TreeSet<>(properties.stringPropertyNames());
  }

  /** As ResourceBundle reads them since Java 9: UTF-8. */
  private static Properties load(Path file) throws IOException {
    var properties = new Properties();
    try (InputStream in = Files.newInputStream(file);
        var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
