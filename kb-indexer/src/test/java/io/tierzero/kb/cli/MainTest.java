package io.tierzero.kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.TestKb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    assertEquals(0, run("index", "--articles", articles.toString(), "--index", dir.resolve("index").toString(), "--model", "none"));
    assertEquals(0, run("search", "--index", dir.resolve("index").toString(), "paper", "jam"));

    String printed = out.toString();
    assertTrue(printed.contains("4 articles indexed"), printed);
    assertTrue(printed.contains("1. Clear a paper jam  [printer-jam]"), printed);
  }

  @Test
  void validate_exits_1_and_names_file_and_line() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path bad = TestKb.write(articles, "a/bad.md", "---\nid: Bad Id\ntitle: x\nquestions: [a, b, c]\n---\nBody\n");

    assertEquals(1, run("validate", "--articles", articles.toString(), "--model", "none"));

    assertTrue(out.toString().contains(bad + ":2: id 'Bad Id' is not a lowercase slug"), out.toString());
  }

  @Test
  void eval_prints_one_json_object_per_system_and_file() throws IOException {
    Path articles = TestKb.sample(dir.resolve("articles"));
    Path queries = dir.resolve("q.jsonl");
    Files.writeString(queries, """
        {"id": "1", "query": "paper stuck in printer", "relevant": ["printer-jam"]}
        {"id": "2", "query": "overdraft fee at the bank", "relevant": []}
        """);

    assertEquals(0, run("eval", "--articles", articles.toString(), "--queries", queries.toString(), "--mode", "bm25", "--baseline"));

    String json = out.toString();
    assertTrue(json.contains("\"baseline\""), json);
    assertTrue(json.contains("\"bm25\""), json);
    assertTrue(json.contains("\"p_at_1\" : 1.0"), json);
    assertTrue(json.contains("\"abstain_rate\""), json);
  }

  @Test
  void unknown_command_exits_2_with_usage() {
    assertEquals(2, run("frobnicate"));
    assertTrue(err.toString().contains("usage: kb-indexer"));
  }
}
