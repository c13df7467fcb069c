import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bundles the widget's ES modules into the one classic script the bot serves, with nothing but a
 * JDK: {@code java Bundler.java <source folder> <entry module> <output file>}. The build runs it
 * (bot/pom.xml, generate-resources).
 *
 * <p>It understands a strict subset of modules, and stops with {@code file:line} at anything else,
 * so what it does stays easy to check:
 *
 * <ul>
 *   <li>{@code import { a, b as c } from "./x.js";} at the start of a line (it may span lines):
 *       named imports of a module in the same folder;
 *   <li>{@code export} in front of a top-level {@code function}, {@code async function}, {@code
 *       class} or {@code const} (one name per {@code const});
 *   <li>no default, namespace or side-effect imports, no {@code export { }}, {@code export *},
 *       {@code export let/var}, dynamic {@code import()} or {@code import.meta}; no import cycles;
 *       every module in the folder reachable from the entry.
 * </ul>
 *
 * <p>Each module becomes a function scope run once, in import order, returning its exports; an
 * import becomes a {@code const} destructured from them, which is exact because exports are
 * constants and modules that are imported always run first. One outer function holds them all, so
 * the page's global scope gains nothing and a second copy of the script cannot clash.
 */
public final class Bundler {
  private static final String NAME = "[A-Za-z_$][\\w$]*";
  private static final Pattern IMPORT =
      Pattern.compile(
          "import\\s*\\{([^}]*)\\}\\s*from\\s*([\"'])\\./([A-Za-z0-9_-]+\\.js)\\2\\s*;",
          Pattern.DOTALL);
  private static final Pattern SPECIFIER =
      Pattern.compile("(" + NAME + ")(?:\\s+as\\s+(" + NAME + "))?");
  private static final Pattern EXPORT =
      Pattern.compile(
          "export\\s+((?:async\\s+)?function\\s*\\*?\\s*|class\\s+|const\\s+)(" + NAME + ")");
  private static final Pattern KEYWORD_LINE = Pattern.compile("^\\s*(import|export)\\b");
  private static final Pattern DYNAMIC_IMPORT =
      Pattern.compile("\\bimport\\s*(\\(|\\.\\s*meta\\b)");

  /** One named import: the exported name, the local name, and where it was written. */
  record Import(String name, String local, int line) {}

  /** A module read and checked: its code without import statements, imports by module, exports. */
  record Module(
      String file,
      List<String> code,
      Map<String, List<Import>> imports,
      Map<String, Integer> importLines,
      Set<String> exports) {}

  private final Path folder;
  private final List<String> errors = new ArrayList<>();
  private final Map<String, Module> modules = new LinkedHashMap<>();

  private Bundler(Path folder) {
    this.folder = folder;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: java Bundler.java <source folder> <entry module> <output file>");
      System.exit(2);
    }
    var folder = Path.of(args[0]).toAbsolutePath().normalize();
    var bundler = new Bundler(folder);
    var script = bundler.bundle(args[1]);
    if (!bundler.errors.isEmpty()) {
      bundler.errors.forEach(System.err::println);
      System.err.println(
          bundler.errors.size()
              + " problem(s): the widget's modules must keep to the subset described in"
              + " widget/README.md (Modules and the bundle).");
      System.exit(1);
    }
    var out = Path.of(args[2]).toAbsolutePath();
    Files.createDirectories(out.getParent());
    var partial = out.resolveSibling(out.getFileName() + ".part");
    Files.writeString(partial, script, StandardCharsets.UTF_8);
    Files.move(
        partial,
        out,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The script for entry and every module it imports, or "" with errors recorded. */
  String bundle(String entry) throws IOException {
    var order = new ArrayList<String>();
    visit(entry, null, 0, new ArrayList<>(), order);
    try (Stream<Path> files = Files.list(folder)) {
      for (var file :
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".js"))
              .sorted()
              .toList()) {
        if (!modules.containsKey(file) && errors.isEmpty()) {
          errors.add(where(file, 1) + ": not imported from " + entry + ": import it or remove it");
        }
      }
    }
    for (var module : modules.values()) checkImports(module);
    var variables = new HashSet<String>();
    for (var file : order) {
      if (!variables.add(variable(file))) {
        errors.add(where(file, 1) + ": another module's name differs only in - and _");
      }
    }
    if (!errors.isEmpty()) return "";
    var out = new StringBuilder();
    out.append("/* <tierzero-chat>, bundled from widget/src by widget/bundler/Bundler.java:")
        .append(" edit the modules, not this file. Modules: ")
        .append(String.join(", ", order))
        .append(". */\n(() => {\n\"use strict\";\n");
    for (var file : order) {
      var module = modules.get(file);
      out.append("\n// ---- ").append(file).append(" ----\n");
      out.append("const ").append(variable(file)).append(" = (() => {\n");
      module
          .imports()
          .forEach(
              (from, names) ->
                  out.append("const { ")
                      .append(
                          names.stream()
                              .map(
                                  i ->
                                      i.name().equals(i.local())
                                          ? i.name()
                                          : i.name() + ": " + i.local())
                              .collect(Collectors.joining(", ")))
                      .append(" } = ")
                      .append(variable(from))
                      .append(";\n"));
      module.code().forEach(line -> out.append(line).append('\n'));
      out.append("return { ").append(String.join(", ", module.exports())).append(" };\n})();\n");
    }
    out.append("})();\n");
    return out.toString();
  }

  /** Depth first from file: each module after the ones it imports; a cycle is an error. */
  private void visit(String file, String from, int line, List<String> path, List<String> order)
      throws IOException {
    if (path.contains(file)) {
      var cycle = new ArrayList<>(path.subList(path.indexOf(file), path.size()));
      cycle.add(file);
      errors.add(where(from, line) + ": import cycle: " + String.join(" -> ", cycle));
      return;
    }
    if (modules.containsKey(file)) return;
    var source = folder.resolve(file);
    if (!Files.isRegularFile(source)) {
      errors.add(
          (from == null ? source.toString() : where(from, line))
              + ": no module "
              + file
              + " in "
              + folder);
      return;
    }
    var module = read(file, Files.readAllLines(source, StandardCharsets.UTF_8));
    modules.put(file, module);
    path.add(file);
    for (var imported : module.imports().keySet()) {
      visit(imported, file, module.importLines().get(imported), path, order);
    }
    path.remove(path.size() - 1);
    order.add(file);
  }

  private Module read(String file, List<String> lines) {
    var code = new ArrayList<String>();
    var imports = new LinkedHashMap<String, List<Import>>();
    var importLines = new LinkedHashMap<String, Integer>();
    var exports = new LinkedHashSet<String>();
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i);
      int number = i + 1;
      var trimmed = line.strip();
      boolean comment =
          trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*");
      if (!comment && DYNAMIC_IMPORT.matcher(line).find()) {
        errors.add(where(file, number) + ": dynamic import() and import.meta are not supported");
      }
      if (comment || !KEYWORD_LINE.matcher(line).find()) {
        code.add(line);
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        errors.add(
            where(file, number)
                + ": import and export only at the start of a line, at the top level");
        code.add(line);
      } else if (line.startsWith("import")) {
        // The statement may span lines (a long list of names): up to the line that ends it.
        var statement = new StringBuilder(line);
        while (!statement.toString().strip().endsWith(";") && i + 1 < lines.size()) {
          statement.append('\n').append(lines.get(++i));
        }
        readImport(file, number, statement.toString(), imports, importLines);
      } else {
        var export = EXPORT.matcher(line);
        if (export.lookingAt()) {
          if (!exports.add(export.group(2))) {
            errors.add(where(file, number) + ": " + export.group(2) + " is exported twice");
          }
          code.add(line.substring("export".length()).stripLeading());
        } else {
          errors.add(
              where(file, number)
                  + ": only `export` before a function, async function, class or const is"
                  + " supported: "
                  + trimmed);
          code.add(line);
        }
      }
    }
    return new Module(file, code, imports, importLines, exports);
  }

  private void readImport(
      String file,
      int number,
      String statement,
      Map<String, List<Import>> imports,
      Map<String, Integer> importLines) {
    Matcher m = IMPORT.matcher(statement.strip());
    if (!m.matches()) {
      errors.add(
          where(file, number)
              + ": only `import { a, b } from \"./x.js\";` (named imports from this folder) is"
              + " supported: "
              + statement.strip().replaceAll("\\s+", " "));
      return;
    }
    var from = m.group(3);
    if (from.equals(file)) {
      errors.add(where(file, number) + ": a module cannot import itself");
      return;
    }
    importLines.putIfAbsent(from, number);
    var names = imports.computeIfAbsent(from, k -> new ArrayList<>());
    for (var part : m.group(1).split(",")) {
      var specifier = part.strip();
      if (specifier.isEmpty()) continue; // the trailing comma of a list over several lines
      var s = SPECIFIER.matcher(specifier);
      if (!s.matches()) {
        errors.add(where(file, number) + ": not a name to import: " + specifier);
        continue;
      }
      names.add(new Import(s.group(1), s.group(2) == null ? s.group(1) : s.group(2), number));
    }
  }

  /** Every imported name is exported by its module, and no local name is imported twice. */
  private void checkImports(Module module) {
    var locals = new HashSet<String>();
    module
        .imports()
        .forEach(
            (from, names) -> {
              var target = modules.get(from);
              for (var i : names) {
                if (target != null && !target.exports().contains(i.name())) {
                  errors.add(
                      where(module.file(), i.line())
                          + ": "
                          + from
                          + " does not export "
                          + i.name());
                }
                if (!locals.add(i.local())) {
                  errors.add(
                      where(module.file(), i.line()) + ": " + i.local() + " is imported twice");
                }
              }
            });
  }

  private String where(String file, int line) {
    return folder.resolve(file) + ":" + line;
  }

  /** The name of a module's exports in the bundle; file names are letters, digits, - and _. */
  private static String variable(String file) {
    return "module$" + file.substring(0, file.length() - ".js".length()).replace('-', '_');
  }
}
