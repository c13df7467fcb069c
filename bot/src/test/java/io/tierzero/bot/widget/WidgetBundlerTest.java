package io.tierzero.bot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The widget's bundler (widget/bundler/Bundler.java), run as the build runs it: a single-file
 * program on this JDK, over a folder of modules.
 */
class WidgetBundlerTest {
  static final Path BUNDLER = Path.of("../widget/bundler/Bundler.java");

  @TempDir Path dir;

  record Run(int exit, String stderr, String script) {}

  Run bundle(Map<String, String> modules, String entry) throws Exception {
    var src = Files.createDirectories(dir.resolve("src"));
    for (var module : modules.entrySet()) {
      Files.writeString(src.resolve(module.getKey()), module.getValue());
    }
    var out = dir.resolve("out/tierzero-chat.js");
    var java = ProcessHandle.current().info().command().orElse("java");
    var process =
        new ProcessBuilder(java, BUNDLER.toString(), src.toString(), entry, out.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the bundler did not finish");
    return new Run(process.exitValue(), stderr, Files.exists(out) ? read(out) : null);
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void orders_the_modules_by_their_imports_and_wraps_them_in_one_function() throws Exception {
    var run =
        bundle(
            Map.of(
                "main.js",
                """
                import { greet } from "./greet.js";
                import {
                  NAME as who,
                } from "./names.js";
                export const shown = greet(who);
                """,
                "greet.js",
                """
                import { NAME } from "./names.js";
                export function greet(name) {
                  return "Hello " + name + " from " + NAME;
                }
                """,
                "names.js",
                """
                export const NAME = "Tier Zero";
                """),
            "main.js");

    assertEquals(0, run.exit(), run.stderr());
    var script = run.script();
    assertTrue(script.contains("(() => {\n\"use strict\";\n"), script);
    assertTrue(script.endsWith("})();\n"), script);
    int names = script.indexOf("// ---- names.js ----");
    int greet = script.indexOf("// ---- greet.js ----");
    int main = script.indexOf("// ---- main.js ----");
    assertTrue(names >= 0 && names < greet && greet < main, script);
    assertTrue(script.contains("const { NAME: who } = module$names;"), script);
    assertTrue(script.contains("const { greet } = module$greet;"), script);
    assertTrue(script.contains("\nfunction greet(name) {"), script);
    assertTrue(script.contains("return { greet };"), script);
    assertFalse(script.contains("export "), script);
    assertFalse(script.contains("import "), script);
  }

  @Test
  void stops_with_file_and_line_at_anything_outside_its_subset() throws Exception {
    var run =
        bundle(
            Map.of(
                "main.js",
                """
                import { a } from "./a.js";
                import b from "./b.js";
                import * as c from "./b.js";
                import { missing } from "./a.js";
                import { d } from "https://cdn.example/d.js";
                export default function main() {}
                export { a };
                export let counter = 0;
                function later() {
                  return import("./a.js");
                }
                """,
                "a.js",
                """
                export const a = 1;
                """,
                "b.js",
                """
                export const b = 2;
                """),
            "main.js");

    assertEquals(1, run.exit(), run.stderr());
    assertEquals(null, run.script());
    var main = dir.resolve("src/main.js").toString();
    for (var expected :
        List.of(
            main + ":2: only `import { a, b } from \"./x.js\";`",
            main + ":3: only `import { a, b } from \"./x.js\";`",
            main + ":4: a.js does not export missing",
            main + ":5: only `import { a, b } from \"./x.js\";`",
            main + ":6: only `export` before a function, async function, class or const",
            main + ":7: only `export` before",
            main + ":8: only `export` before",
            main + ":10: dynamic import() and import.meta are not supported")) {
      assertTrue(run.stderr().contains(expected), expected + " in:\n" + run.stderr());
    }
  }

  @Test
  void refuses_an_import_cycle_and_a_module_nothing_imports() throws Exception {
    var cycle =
        bundle(
            Map.of(
                "main.js", "import { b } from \"./b.js\";\nexport const a = b;\n",
                "b.js", "\nimport { a } from \"./main.js\";\nexport const b = 1;\n"),
            "main.js");

    assertEquals(1, cycle.exit(), cycle.stderr());
    assertTrue(
        cycle.stderr().contains("b.js:2: import cycle: main.js -> b.js -> main.js"),
        cycle.stderr());

    Files.delete(dir.resolve("src/b.js"));
    var unused =
        bundle(
            Map.of("main.js", "export const a = 1;\n", "old.js", "export const b = 2;\n"),
            "main.js");

    assertEquals(1, unused.exit(), unused.stderr());
    assertTrue(unused.stderr().contains("old.js:1: not imported from main.js"), unused.stderr());
  }
}
