package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import io.tierzero.bot.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each class of harmless but odd character, alone, repeated and inside a real question, on every
 * public endpoint that takes text, over real HTTP on PostgreSQL: always a normal answer or a 4xx
 * with a JSON message, never a 5xx; and a question with such a character in it is answered as the
 * same question without it.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OddUnicodeFuzzTest {
  /** One of each class, by name (the name is what a failure shows). */
  static final Map<String, String> ODD = new LinkedHashMap<>();

  static {
    ODD.put("no-break space U+00A0", "\u00A0");
    ODD.put("byte order mark U+FEFF", "\uFEFF");
    ODD.put("zero-width space U+200B", "\u200B");
    ODD.put("zero-width joiner U+200D", "\u200D");
    ODD.put("word joiner U+2060", "\u2060");
    ODD.put("soft hyphen U+00AD", "\u00AD");
    ODD.put("replacement character U+FFFD", "\uFFFD");
    ODD.put("combining acute U+0301", "\u0301");
    ODD.put("right-to-left override U+202E", "\u202E");
    ODD.put("variation selector 16 U+FE0F", "\uFE0F");
    ODD.put("next line U+0085", "\u0085");
    ODD.put("Mongolian vowel separator U+180E", "\u180E");
    ODD.put("line separator U+2028", "\u2028");
    ODD.put("ideographic space U+3000", "\u3000");
    ODD.put("lone high surrogate", "\uD800");
    ODD.put("lone low surrogate", "\uDC00");
    ODD.put("NUL", "\u0000");
    ODD.put("noncharacter U+FFFF", "\uFFFF");
    ODD.put("private use U+E000", "\uE000");
    ODD.put("emoji with selector", "\uD83D\uDE42\uFE0F");
  }

  /** Characters that separate words, and those that vanish inside one. */
  static final List<String> SEPARATORS =
      List.of(
          "\u00A0", "\u200B", "\uFFFD", "\u202E", "\u0085", "\u180E", "\u2028", "\u3000", "\uD800",
          "\uDC00", "\u0000");

  static final List<String> JOINERS = List.of("\u00AD", "\uFEFF", "\u200D", "\u2060", "\uFE0F");

  private EmbeddedServer server;
  private String schema;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  void start() {
    schema = Postgres.newSchema();
    var properties = new HashMap<String, Object>(TestApp.properties());
    properties.putAll(Postgres.properties(schema));
    properties.put("tierzero.security.rate-limits.enabled", "false");
    server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
  }

  @AfterAll
  void stop() {
    if (server != null) server.getApplicationContext().close();
    Postgres.dropSchema(schema);
  }

  /**
   * The forms of each character: alone, repeated, and in a question at the start, middle and end.
   */
  private static Map<String, String> forms(String name, String c) {
    var out = new LinkedHashMap<String, String>();
    out.put(name + " alone", c);
    out.put(name + " x40", c.repeat(40));
    out.put(name + " in a question", "vpn" + c + "not working");
    out.put(name + " around a question", c + "my account is locked" + c);
    return out;
  }

  @Test
  void every_text_endpoint_answers_every_form_of_every_odd_character_without_a_5xx()
      throws Exception {
    var failures = new ArrayList<String>();
    int cases = 0;
    for (var odd : ODD.entrySet()) {
      for (var form : forms(odd.getKey(), odd.getValue()).entrySet()) {
        String text = form.getValue();
        var c = conversation();
        var checks = new LinkedHashMap<String, HttpResponse<String>>();
        checks.put(
            "POST messages",
            post(
                "/api/conversations/" + c[0] + "/messages", "{\"text\":" + json(text) + "}", c[1]));
        checks.put("GET /kb?q=", get("/kb?q=" + query(text)));
        checks.put("GET /api/suggest?q=", get("/api/suggest?q=" + query(text)));
        checks.put("GET /kb/{id}", get("/kb/" + segment(text)));
        checks.put(
            "GET /kb/{id} (in an id)",
            get("/kb/" + segment("reset" + text + "forgotten-password")));
        checks.put("GET /api/articles/{id}", get("/api/articles/" + segment(text)));
        checks.put(
            "POST feedback",
            post(
                "/api/conversations/" + c[0] + "/feedback",
                "{\"vote\":\"down\",\"reason\":"
                    + json(text)
                    + ",\"articleId\":"
                    + json(text)
                    + ",\"messageId\":"
                    + json(text)
                    + "}",
                c[1]));
        checks.put(
            "POST ticket",
            post(
                "/api/conversations/" + c[0] + "/ticket",
                "{\"name\":"
                    + json(text)
                    + ",\"email\":"
                    + json("a" + text + "@example.com")
                    + ",\"consent\":true,\"details\":"
                    + json(text)
                    + "}",
                c[1]));
        checks.put("GET transcript", get("/api/conversations/" + c[0], c[1]));
        for (var check : checks.entrySet()) {
          cases++;
          var response = check.getValue();
          String path = check.getKey().startsWith("GET /kb") ? "/kb" : "/api";
          var problem =
              PublicApiFuzzTest.problem(
                  path,
                  response.statusCode(),
                  response.headers().firstValue("Content-Type").orElse(""),
                  response.body());
          if (problem == null
              && check.getKey().equals("POST messages")
              && response.statusCode() != 200
              && response.statusCode() != 400) {
            problem = "neither a reply nor a 400";
          }
          if (problem != null)
            failures.add(
                form.getKey()
                    + ": "
                    + check.getKey()
                    + " -> "
                    + response.statusCode()
                    + " "
                    + problem
                    + ": "
                    + abbreviate(response.body()));
        }
      }
    }
    if (!failures.isEmpty())
      fail(
          failures.size()
              + " of "
              + cases
              + " requests failed:\n"
              + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
  }

  @Test
  void a_question_with_odd_spaces_or_invisible_joiners_is_answered_as_without_them()
      throws Exception {
    var plain = reply("reset my password");
    assertEquals("answer", plain.type(), plain.body());
    var page = get("/kb?q=" + query("reset my password")).body();
    String firstOnPage = firstArticleLink(page);
    var failures = new ArrayList<String>();
    var questions = new ArrayList<String>();
    for (String c : SEPARATORS) questions.add("reset" + c + "my" + c + c + "password");
    for (String c : JOINERS) questions.add("reset my pass" + c + "word" + c);
    for (String q : questions) {
      var odd = reply(q);
      if (!odd.type().equals(plain.type()) || !odd.firstArticle().equals(plain.firstArticle())) {
        failures.add(escaped(q) + " -> " + odd.type() + " " + odd.firstArticle());
      }
      var oddPage = get("/kb?q=" + query(q));
      if (oddPage.statusCode() != 200 || !firstArticleLink(oddPage.body()).equals(firstOnPage)) {
        failures.add(
            "/kb?q="
                + escaped(q)
                + " -> "
                + oddPage.statusCode()
                + " "
                + firstArticleLink(oddPage.body()));
      }
    }
    assertTrue(
        failures.isEmpty(),
        "plain: "
            + plain.type()
            + " "
            + plain.firstArticle()
            + " / "
            + firstOnPage
            + "\n"
            + String.join("\n", failures));
  }

  // ---- HTTP ----

  private record Reply(String type, String firstArticle, String body) {}

  private Reply reply(String text) throws Exception {
    var c = conversation();
    var response =
        post("/api/conversations/" + c[0] + "/messages", "{\"text\":" + json(text) + "}", c[1]);
    assertEquals(200, response.statusCode(), escaped(text) + " " + response.body());
    var type = Pattern.compile("\"type\"\\s*:\\s*\"(\\w+)\"").matcher(response.body());
    var article =
        Pattern.compile("\"articles\"\\s*:\\s*\\[\\s*\\{\"id\"\\s*:\\s*\"([^\"]+)\"")
            .matcher(response.body());
    return new Reply(
        type.find() ? type.group(1) : "", article.find() ? article.group(1) : "", response.body());
  }

  private static String firstArticleLink(String page) {
    var m = Pattern.compile("href=\"/kb/([a-z0-9-]+)\"").matcher(page);
    return m.find() ? m.group(1) : "";
  }

  /** A new conversation: id and token. */
  private String[] conversation() throws Exception {
    var body = post("/api/conversations", "{}", null).body();
    return new String[] {field(body, "id"), field(body, "token")};
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (token != null) builder.header("X-Conversation-Token", token);
    return http.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String json, String token) throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (token != null) builder.header("X-Conversation-Token", token);
    return http.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * A JSON string; lone surrogates and controls as \\u escapes, which is how a browser sends them.
   */
  private static String json(String s) {
    var out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20 || Character.isSurrogate(c)) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  /** Percent-encoded UTF-8; a lone surrogate as the bytes of U+FFFD, as a browser would send it. */
  private static String query(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String segment(String s) {
    return query(s).replace("+", "%20");
  }

  private static String field(String json, String name) {
    var m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) throw new AssertionError("no " + name + " in " + json);
    return m.group(1);
  }

  private static String escaped(String s) {
    var out = new StringBuilder();
    s.chars()
        .forEach(
            ch ->
                out.append(
                    ch < 0x20 || ch > 0x7E
                        ? String.format("\\u%04X", ch)
                        : String.valueOf((char) ch)));
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
