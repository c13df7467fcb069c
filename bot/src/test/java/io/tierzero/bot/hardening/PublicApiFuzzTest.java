package io.tierzero.bot.hardening;

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
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Generated hostile input against the public API over real HTTP, on PostgreSQL (stricter than H2:
 * it rejects a NUL in text, for one). Every case must end in a normal answer or a 4xx whose body is
 * a JSON error; never a 5xx and never a stack trace. The generator is seeded ({@value #SEED}, or
 * {@code -Dtierzero.fuzz.seed=…}), so a failure names its case and can be replayed.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicApiFuzzTest {
  static final long SEED = 20261123L;
  static final int CASES = 400;

  /** Traces of a Java stack trace or internals in a body. */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\bat"
              + " [a-z]+\\.[a-zA-Z.$]+\\(|Exception\\b|\\bjava\\.|io\\.micronaut\\.|org\\.(h2|postgresql|hibernate|flywaydb)|SQLState|JDBC");

  private EmbeddedServer server;
  private String schema;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private Random random;
  private String conversationId;
  private String token;

  @BeforeAll
  void start() throws Exception {
    schema = Postgres.newSchema();
    var properties = new HashMap<String, Object>(TestApp.properties());
    properties.putAll(Postgres.properties(schema));
    // The limits answer 429 long before 400 cases are through; this suite is about the handlers.
    properties.put("tierzero.security.rate-limits.enabled", "false");
    server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    random = new Random(Long.getLong("tierzero.fuzz.seed", SEED));
    var started =
        send(
            "POST",
            "/api/conversations",
            "{}".getBytes(StandardCharsets.UTF_8),
            "application/json",
            null);
    var body = started.body();
    conversationId = field(body, "id");
    token = field(body, "token");
  }

  @AfterAll
  void stop() {
    if (server != null) server.getApplicationContext().close();
    Postgres.dropSchema(schema);
  }

  @Test
  void no_generated_request_gets_a_5xx_or_a_body_without_a_clear_json_error() throws Exception {
    var failures = new ArrayList<String>();
    for (int i = 0; i < CASES; i++) {
      var request = nextCase();
      var response =
          send(request.method, request.path, request.body, request.contentType, request.token);
      var problem =
          problem(
              request.path,
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(""),
              response.body());
      if (problem != null) {
        failures.add(
            "#"
                + i
                + " "
                + request.describe()
                + " -> "
                + response.statusCode()
                + " "
                + problem
                + ": "
                + abbreviate(response.body()));
      }
    }
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " of "
              + CASES
              + " cases failed (seed "
              + Long.getLong("tierzero.fuzz.seed", SEED)
              + "):\n"
              + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }
  }

  @Test
  void the_conversation_still_answers_after_the_fuzzing() throws Exception {
    var response =
        send(
            "POST",
            "/api/conversations/" + conversationId + "/messages",
            "{\"text\":\"my vpn is slow\"}".getBytes(StandardCharsets.UTF_8),
            "application/json",
            token);
    assertTrue(response.statusCode() == 200, response.statusCode() + " " + response.body());
  }

  static String problem(String path, int status, String contentType, String body) {
    if (status >= 500) return "server error";
    if (LEAK.matcher(body).find()) return "internals in the body";
    // The article pages are HTML for people; their errors may be pages too.
    if (status >= 400 && !path.startsWith("/kb")) {
      if (!contentType.contains("json"))
        return "error without a JSON content type (" + contentType + ")";
      if (!body.contains("\"message\"")) return "JSON error without a message";
    }
    return null;
  }

  // ---- the generator ----

  record Case(
      String method, String path, byte[] body, String contentType, String token, String kind) {
    String describe() {
      return method
          + " "
          + abbreviate(path)
          + " ["
          + kind
          + ", "
          + (body == null ? 0 : body.length)
          + " bytes, "
          + contentType
          + (token == null ? ", no token" : "")
          + "]";
    }
  }

  private Case nextCase() {
    var endpoint = random.nextInt(9);
    var tokenChoice = random.nextInt(10) < 7 ? token : random.nextBoolean() ? null : oddString(40);
    var id = random.nextInt(10) < 7 ? conversationId : pathSegment();
    var body = nextBody();
    var type =
        random.nextInt(10) < 8
            ? "application/json"
            : pick(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=latin1",
                "");
    return switch (endpoint) {
      case 0 -> new Case("POST", "/api/conversations", body.bytes, type, null, body.kind);
      case 1, 2, 3 ->
          new Case(
              "POST",
              "/api/conversations/" + id + "/messages",
              body.bytes,
              type,
              tokenChoice,
              body.kind);
      case 4 ->
          new Case(
              "POST",
              "/api/conversations/" + id + "/feedback",
              body.bytes,
              type,
              tokenChoice,
              body.kind);
      case 5 ->
          new Case(
              "POST",
              "/api/conversations/" + id + "/ticket",
              body.bytes,
              type,
              tokenChoice,
              body.kind);
      case 6 -> new Case("GET", "/api/conversations/" + id, null, null, tokenChoice, "transcript");
      case 7 -> new Case("GET", "/api/suggest?q=" + query(), null, null, null, "suggest");
      default ->
          new Case(
              "GET",
              pick("/api/articles/", "/api/tickets/", "/kb/") + pathSegment(),
              null,
              null,
              tokenChoice,
              "lookup");
    };
  }

  record Body(String kind, byte[] bytes) {}

  private Body nextBody() {
    List<Supplier<Body>> kinds =
        List.of(
            () -> json("valid text", "{\"text\":" + quote(oddString(1 + random.nextInt(60))) + "}"),
            () ->
                json(
                    "wrong type",
                    "{\"text\":"
                        + pick("123", "true", "null", "[\"a\"]", "{\"a\":1}", "1e999", "-0", "\"\"")
                        + "}"),
            () ->
                json(
                    "unknown fields",
                    "{\"text\":\"hi\",\""
                        + oddString(8).replace("\"", "")
                        + "\":"
                        + randomJson(3)
                        + ",\"__proto__\":{}}"),
            () -> json("random json", randomJson(4)),
            () ->
                json(
                    "deeply nested",
                    "{\"text\":" + "[".repeat(2000 + random.nextInt(5000)) + "]".repeat(10)),
            () -> json("deep objects", "{\"a\":".repeat(1500) + "1" + "}".repeat(1500)),
            () ->
                json(
                    "oversized text",
                    "{\"text\":\"" + "x".repeat(2001 + random.nextInt(12000)) + "\"}"),
            () ->
                new Body(
                    "oversized body",
                    ("{\"text\":\"" + "y".repeat(20_000 + random.nextInt(100_000)) + "\"}")
                        .getBytes(StandardCharsets.UTF_8)),
            () -> new Body("invalid utf-8", invalidUtf8()),
            () -> new Body("random bytes", randomBytes(1 + random.nextInt(500))),
            () -> json("truncated", "{\"text\":\"hel"),
            () -> new Body("empty", new byte[0]),
            () ->
                json(
                    "escaped controls",
                    "{\"text\":\"a\\u0000b\\u0007c\\ud800d\\udfffe\\u202eevil\"}"),
            () ->
                json(
                    "ticket",
                    "{\"name\":"
                        + quote(oddString(20))
                        + ",\"email\":"
                        + quote(pick("a@b.co", "nope", oddString(10), "x@y.z\u0000"))
                        + ",\"consent\":"
                        + pick("true", "false", "\"yes\"", "1", "null")
                        + ",\"details\":"
                        + quote(oddString(50))
                        + "}"),
            () ->
                json(
                    "feedback",
                    "{\"vote\":"
                        + pick("\"up\"", "\"down\"", "\"sideways\"", "1", "null")
                        + ",\"reason\":"
                        + pick("\"unclear\"", "\"nope\"", "[]")
                        + ",\"messageId\":"
                        + quote(oddString(40))
                        + ",\"articleId\":"
                        + quote(oddString(30))
                        + "}"),
            () -> json("big numbers", "{\"text\":\"hi\",\"n\":" + "9".repeat(5000) + "}"));
    return kinds.get(random.nextInt(kinds.size())).get();
  }

  private static Body json(String kind, String text) {
    return new Body(kind, text.getBytes(StandardCharsets.UTF_8));
  }

  private String randomJson(int depth) {
    var choice = depth <= 0 ? random.nextInt(4) : random.nextInt(6);
    return switch (choice) {
      case 0 -> quote(oddString(random.nextInt(20)));
      case 1 -> Long.toString(random.nextLong());
      case 2 -> pick("true", "false", "null", "1.5e308", "-1");
      case 3 -> Double.toString(random.nextGaussian());
      case 4 -> {
        var items = new ArrayList<String>();
        for (int i = random.nextInt(4); i > 0; i--) items.add(randomJson(depth - 1));
        yield "[" + String.join(",", items) + "]";
      }
      default -> {
        var items = new ArrayList<String>();
        for (int i = random.nextInt(4); i > 0; i--)
          items.add(quote(pick("text", "vote", "x", oddString(5))) + ":" + randomJson(depth - 1));
        yield "{" + String.join(",", items) + "}";
      }
    };
  }

  private static final String[] ODD = {
    "\u202e",
    "\u200b",
    "\ufeff",
    "\u0000",
    "\u0301",
    "e\u0301",
    "😀",
    "👩‍💻",
    "\ud83d",
    "\udc00",
    "\uffff",
    "ﷺ",
    "Ω",
    "ß",
    "İ",
    "\t",
    "\n",
    "\r",
    "\"",
    "\\",
    "<script>alert(1)</script>",
    "'; drop table conversations; --",
    "%s%n",
    "${jndi:ldap://x}",
    "../../etc/passwd",
    "\u0085",
    "\u2028",
    "𝕏"
  };

  private String oddString(int length) {
    var out = new StringBuilder();
    while (out.length() < length) {
      if (random.nextInt(3) == 0) out.append(ODD[random.nextInt(ODD.length)]);
      else
        out.append(
            (char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 'a' + random.nextInt(26)));
    }
    return out.toString();
  }

  private String pathSegment() {
    var raw =
        random.nextInt(4) == 0
            ? "x".repeat(random.nextInt(3000))
            : oddString(1 + random.nextInt(40));
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String query() {
    var raw =
        random.nextInt(5) == 0 ? "q".repeat(random.nextInt(5000)) : oddString(random.nextInt(60));
    return URLEncoder.encode(raw, StandardCharsets.UTF_8);
  }

  private byte[] invalidUtf8() {
    var prefix = "{\"text\":\"".getBytes(StandardCharsets.US_ASCII);
    var bad =
        new byte[][] {
          {(byte) 0xC3},
          {(byte) 0xFF, (byte) 0xFE},
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xC0, (byte) 0xAF},
          {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
        };
    var middle = bad[random.nextInt(bad.length)];
    var suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
    var out = new byte[prefix.length + middle.length + suffix.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(middle, 0, out, prefix.length, middle.length);
    System.arraycopy(suffix, 0, out, prefix.length + middle.length, suffix.length);
    return out;
  }

  private byte[] randomBytes(int n) {
    var out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private static String quote(String s) {
    var out = new StringBuilder("\"");
    for (var c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  // ---- HTTP ----

  private java.net.http.HttpResponse<String> send(
      String method, String path, byte[] body, String contentType, String conversationToken)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
            .timeout(Duration.ofSeconds(30));
    builder.method(
        method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (contentType != null && !contentType.isEmpty()) builder.header("Content-Type", contentType);
    if (conversationToken != null) {
      // A header value must be visible ASCII; odd tokens are sent as their escaped form.
      builder.header(
          "X-Conversation-Token", URLEncoder.encode(conversationToken, StandardCharsets.UTF_8));
    }
    builder.header("Accept", "application/json");
    return http.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String field(String json, String name) {
    var m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) throw new AssertionError("no " + name + " in " + json);
    return m.group(1);
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
