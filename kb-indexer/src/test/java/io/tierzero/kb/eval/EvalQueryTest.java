package io.tierzero.kb.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalQueryTest {
  @TempDir Path dir;

  @Test
  void reads_queries_with_optional_candidates() throws IOException {
    Path file = dir.resolve("q.jsonl");
    Files.writeString(
        file,
        """
        {"id": "a", "query": "reset my password", "relevant": ["reset-password"]}
        {"id": "b", "query": "overdraft fee", "relevant": [], "candidates": ["x", "y"]}
        """);

    var queries = EvalQuery.read(file);

    assertEquals(2, queries.size());
    assertEquals(Set.of("reset-password"), queries.get(0).relevant());
    assertNull(queries.get(0).candidates());
    assertTrue(!queries.get(1).inScope());
    assertEquals(Set.of("x", "y"), queries.get(1).candidates());
  }

  @Test
  void names_file_and_line_of_a_bad_query() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(
        file,
        "{\"id\": \"a\", \"query\": \"ok\", \"relevant\": []}\n"
            + "{\"id\": \"b\", \"relevant\": []}\n");

    IOException e = assertThrows(IOException.class, () -> EvalQuery.read(file));

    assertTrue(e.getMessage().contains("bad.jsonl:2"), e.getMessage());
    assertTrue(e.getMessage().contains("query"), e.getMessage());
  }
}
