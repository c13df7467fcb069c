package io.tierzero.kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new Main(new PrintStream(out, true), new PrintStream(err, true)).run(args);
  }

  @Test
  void index_then_search_prints_the_answer() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));

    assertEquals(
        0,
        run(
            "index",
            "--articles",
            articles.toString(),
            "--index",
            dir.resolve("index").toString(),
            "--model",
            "none"));
    assertEquals(0, run("search", "--index", dir.resolve("index").toString(), "paper", "jam"));

    String printed = out.toString();
    assertTrue(printed.contains("4 articles indexed"), printed);
    assertTrue(printed.contains("1. Clear a paper jam  [printer-jam]"), printed);
  }

  @Test
  void validate_exits_1_and_names_file_and_line() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path bad =
        TestKb.write(
            articles, "a/bad.md", "---\nid: Bad Id\ntitle: x\nquestions: [a, b, c]\n---\nBody\n");

    assertEquals(1, run("validate", "--articles", articles.toString(), "--model", "none"));

    assertTrue(
        out.toString().contains(bad + ":2: id 'Bad Id' is not a lowercase slug"), out.toString());
  }

  @Test
  void eval_prints_one_json_object_per_system_and_file() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path queries = dir.resolve("q.jsonl");
    Files.writeString(
        queries,
        """
        {"id": "1", "query": "paper stuck in printer", "relevant": ["printer-jam"]}
        {"id": "2", "query": "overdraft fee at the bank", "relevant": []}
        """);

    assertEquals(
        0,
        run(
            "eval",
            "--articles",
            articles.toString(),
            "--queries",
            queries.toString(),
            "--mode",
            "bm25",
            "--baseline"));

    String json = out.toString();
    assertTrue(json.contains("\"baseline\""), json);
    assertTrue(json.contains("\"bm25\""), json);
    assertTrue(json.contains("\"p_at_1\" : 1.0"), json);
    assertTrue(json.contains("\"abstain_rate\""), json);
  }

  @Test
  void unknown_command_exits_2_with_usage() {
    assertEquals(2, run("frobnicate"));
    assertTrue(
        err.toString().contains("Unmatched argument at index 0: 'frobnicate'"), err.toString());
    assertTrue(err.toString().contains("Did you mean: kb-indexer validate"), err.toString());
  }

  @Test
  void no_command_shows_the_usage() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("Missing command"), err.toString());
    assertTrue(err.toString().contains("Usage: kb-indexer"), err.toString());
  }

  @Test
  void a_mistyped_option_is_refused_not_ignored() {
    // Before: "--modle none" was silently ignored and the index was built with the default model.
    assertEquals(2, run("index", "--articles", "articles", "--index", "index", "--modle", "none"));
    assertTrue(err.toString().contains("Unknown options: '--modle', 'none'"), err.toString());
    assertTrue(err.toString().contains("Possible solutions: --model"), err.toString());
  }

  @Test
  void a_missing_required_option_is_named() {
    assertEquals(2, run("validate", "--model", "none"));
    assertTrue(
        err.toString().contains("Missing required option: '--articles=DIR'"), err.toString());
  }

  @Test
  void a_bad_value_says_which_option_and_what_it_takes() {
    assertEquals(2, run("validate", "--articles", "articles", "--model", "gpt"));
    assertTrue(err.toString().contains("Invalid value for option '--model'"), err.toString());
    assertTrue(err.toString().contains("use minilm, bge or none"), err.toString());
  }

  @Test
  void help_lists_every_command() {
    assertEquals(0, run("--help"));
    for (String command :
        List.of("index", "search", "validate", "eval", "eval-intents", "bench", "import")) {
      assertTrue(out.toString().contains("  " + command + " "), command + " in " + out);
    }
  }

  @Test
  void searching_a_folder_without_an_index_is_a_usage_error() throws IOException {
    assertEquals(2, run("search", "--index", dir.resolve("nothing").toString(), "paper jam"));
    assertTrue(err.toString().contains("No index in"), err.toString());
  }
}
