package io.tierzero.kb.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One first message of a conversation and what the bot should do with it: {@code {"id", "source"?,
 * "intent"?, "text", "expect"}}, where {@code expect} is {@code handoff}, {@code ticket-status},
 * {@code smalltalk}, {@code flow:<id>}, {@code article-topic:<folder>} or {@code abstain}.
 */
public record IntentUtterance(String id, String text, String expect) {
  /** Reads a JSON-lines file; a bad line fails with its file and line. */
  public static List<IntentUtterance> read(Path file) throws IOException {
    var mapper = new ObjectMapper();
    var out = new ArrayList<IntentUtterance>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) continue;
      try {
        JsonNode node = mapper.readTree(line);
        String text = node.path("text").asText("");
        String expect = node.path("expect").asText("");
        if (text.isBlank()) throw new IllegalArgumentException("missing 'text'");
        if (!expect.matches("handoff|ticket-status|smalltalk|abstain|flow:.+|article-topic:.+")) {
          throw new IllegalArgumentException("unknown expect '" + expect + "'");
        }
        out.add(new IntentUtterance(node.path("id").asText("line-" + (i + 1)), text, expect));
      } catch (IOException | IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Whether a file is in this format (its first line has "expect") rather than queries. */
  public static boolean isIntentFile(Path file) throws IOException {
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      return new ObjectMapper().readTree(line).has("expect");
    }
    return false;
  }
}
