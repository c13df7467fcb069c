package io.tierzero.kb.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One evaluation question: {@code {"id", "query", "relevant": [ids], "candidates"?: [ids]}}. {@code
 * relevant: []} means no article answers it and the right outcome is to abstain.
 *
 * @param candidates when not null, ranking is restricted to these ids
 */
public record EvalQuery(String id, String query, Set<String> relevant, Set<String> candidates) {
  public boolean inScope() {
    return !relevant.isEmpty();
  }

  /** Reads a JSON-lines file; a bad line fails with its file and line. */
  public static List<EvalQuery> read(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<EvalQuery> queries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) continue;
      try {
        JsonNode node = mapper.readTree(line);
        String query = node.path("query").asText("");
        if (query.isBlank()) throw new IllegalArgumentException("missing 'query'");
        if (!node.has("relevant") || !node.get("relevant").isArray()) {
          throw new IllegalArgumentException("missing 'relevant' list");
        }
        queries.add(
            new EvalQuery(
                node.path("id").asText("line-" + (i + 1)),
                query,
                ids(node.get("relevant")),
                node.has("candidates") ? ids(node.get("candidates")) : null));
      } catch (IOException | IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return queries;
  }

  private static Set<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asText()));
    return Set.copyOf(ids);
  }
}
