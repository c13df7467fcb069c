import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Replays first messages with an expected behaviour ({"text", "expect"} JSON lines, the format of
 * shared/eval/intents) through a running bot's chat API, one new conversation each, and scores the
 * first reply as the evaluation data's README defines it. Works on any build of the bot, so the
 * same files measure before and after a change:
 *
 * <p>java -cp bot/target/bot.jar bot/bench/IntentReplay.java --url http://localhost:8093 \
 * --articles articles --file ../shared/eval/intents/it-helpdesk-dev.jsonl [--file ...] [--details
 * FILE]
 */
public class IntentReplay {
  public static void main(String[] args) throws Exception {
    String url = "http://localhost:8080";
    Path articles = Path.of("articles");
    List<Path> files = new ArrayList<>();
    Path details = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--articles" -> articles = Path.of(args[++i]);
        case "--file" -> files.add(Path.of(args[++i]));
        case "--details" -> details = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    var json = new ObjectMapper();
    var http = HttpClient.newHttpClient();
    Map<String, String> folderOf = new HashMap<>();
    Map<String, Set<String>> flowsOfFolder = new HashMap<>();
    Map<String, String> flowText = new HashMap<>();
    try (Stream<Path> walk = Files.walk(articles)) {
      for (Path f : (Iterable<Path>) walk::iterator) {
        String name = f.getFileName().toString();
        Path rel = articles.relativize(f);
        if (name.endsWith(".md") && !name.equalsIgnoreCase("README.md") && rel.getNameCount() > 1) {
          String id = null, flow = null;
          for (String line : Files.readAllLines(f)) {
            if (line.startsWith("id:")) id = line.substring(3).strip();
            if (line.startsWith("flow:")) flow = line.substring(5).strip();
          }
          if (id != null) folderOf.put(id, rel.getName(0).toString());
          if (flow != null)
            flowsOfFolder
                .computeIfAbsent(rel.getName(0).toString(), k -> new HashSet<>())
                .add(flow);
        }
        if (rel.getNameCount() == 2
            && rel.getName(0).toString().equals("flows")
            && name.endsWith(".yaml")) {
          flowText.put(name.replace(".yaml", ""), Files.readString(f));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (Path file : files) {
      Map<String, int[]> byExpect = new TreeMap<>();
      int n = 0, right = 0;
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) continue;
        JsonNode u = json.readTree(line);
        String text = u.get("text").asText(), expect = u.get("expect").asText();
        JsonNode started = json.readTree(post(http, url + "/api/conversations", "{}", null));
        String body = json.writeValueAsString(Map.of("text", text));
        JsonNode reply =
            json.readTree(
                    post(
                        http,
                        url + "/api/conversations/" + started.get("id").asText() + "/messages",
                        body,
                        started.get("token").asText()))
                .get("replies")
                .get(0);
        String type = reply.get("type").asText();
        String first =
            reply.has("articles") && reply.get("articles").size() > 0
                ? reply.get("articles").get(0).get("id").asText()
                : null;
        String flow = reply.has("flow") ? reply.get("flow").asText() : null;
        if (flow == null && type.equals("flow_step")) {
          // An older bot does not name the flow: find the flow whose file holds the step's text.
          for (var e : flowText.entrySet())
            if (e.getValue().contains(reply.get("text").asText())) flow = e.getKey();
        }
        boolean ok =
            switch (expect.contains(":") ? expect.substring(0, expect.indexOf(':')) : expect) {
              case "handoff" -> type.equals("handoff");
              case "ticket-status" -> type.equals("ticket_status");
              case "smalltalk" -> type.equals("text");
              case "abstain" -> !Set.of("answer", "clarify", "flow_step").contains(type);
              case "flow" -> type.equals("flow_step") && expect.equals("flow:" + flow);
              case "article-topic" -> {
                String folder = expect.substring(expect.indexOf(':') + 1);
                yield (Set.of("answer", "clarify").contains(type)
                        && first != null
                        && folder.equals(folderOf.get(first)))
                    || (type.equals("flow_step")
                        && flowsOfFolder.getOrDefault(folder, Set.of()).contains(flow));
              }
              default -> throw new IllegalArgumentException("unknown expect " + expect);
            };
        String group =
            expect.startsWith("flow:")
                ? "flow"
                : expect.startsWith("article-topic:") ? "article-topic" : expect;
        var counts = byExpect.computeIfAbsent(group, k -> new int[2]);
        counts[0]++;
        n++;
        if (ok) {
          counts[1]++;
          right++;
        }
        lines.add(
            String.join(
                "\t",
                file.getFileName().toString(),
                ok ? "ok" : "WRONG",
                expect,
                type,
                first == null ? "" : first,
                flow == null ? "" : flow,
                text));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", n);
      m.put("right", Math.round(10000.0 * right / Math.max(1, n)) / 10000.0);
      Map<String, Object> groups = new TreeMap<>();
      byExpect.forEach(
          (k, v) ->
              groups.put(
                  k, Map.of("n", v[0], "right", Math.round(10000.0 * v[1] / v[0]) / 10000.0)));
      m.put("by_expect", groups);
      out.put(file.getFileName().toString(), m);
    }
    if (details != null) Files.write(details, lines);
    System.out.println(json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
  }

  private static String post(HttpClient http, String url, String body, String token)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) request.header("X-Conversation-Token", token);
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2)
      throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
    return response.body();
  }
}
