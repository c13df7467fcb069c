package io.tierzero.bot.channels.teams;

import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Bot Framework as far as the bot meets it, on a free local port: OpenID metadata and a key set
 * (a test RSA key, endorsed for {@code msteams}) from which it signs the connector's tokens; a
 * client-credentials token endpoint that checks the app id and password; and the connector's REST
 * API, which refuses calls without the token it issued, records the activities the bot posts and
 * answers member lookups with an email.
 */
final class BotFrameworkStandIn implements AutoCloseable {
  static final String ISSUER = "https://api.botframework.com";

  /**
   * An activity the bot posted: the conversation and activity (null: sent, not a reply) from the
   * URL.
   */
  record Posted(String conversation, String replyTo, String body) {
    boolean mentions(String text) {
      return body.contains(text);
    }

    /** The adaptive card's content, or null for plain text. */
    @SuppressWarnings("unchecked")
    Map<String, Object> card() {
      try {
        var attachments =
            JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(body), "attachments");
        return attachments == null ? null : (Map<String, Object>) attachments[0].get("content");
      } catch (java.text.ParseException e) {
        throw new AssertionError(body, e);
      }
    }
  }

  private final HttpServer server;
  private final String appId;
  private final String appPassword;
  private final String email;
  private final String connectorToken = "connector-token-" + System.nanoTime();
  private final List<Posted> posted = new ArrayList<>();
  private final List<String> lookups = new ArrayList<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final AtomicInteger keySetReads = new AtomicInteger();
  private final List<RSAKey> published = new ArrayList<>();
  final RSAKey signingKey;

  BotFrameworkStandIn(String appId, String appPassword, String email) throws IOException {
    this.appId = appId;
    this.appPassword = appPassword;
    this.email = email;
    this.signingKey = newKey("connector-key-1");
    published.add(signingKey);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/openid", this::metadata);
    server.createContext("/keys", this::keys);
    server.createContext("/oauth/token", this::token);
    server.createContext("/teams/v3/conversations/", this::connector);
    server.start();
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String metadataUrl() {
    return root() + "/openid";
  }

  String tokenUrl() {
    return root() + "/oauth/token";
  }

  /** The service URL activities name, with the final slash Teams' have. */
  String serviceUrl() {
    return root() + "/teams/";
  }

  /** Adds a key to the published set (a rotation: the connector publishes before it signs). */
  synchronized void publish(RSAKey key) {
    published.add(key);
  }

  int keySetReads() {
    return keySetReads.get();
  }

  int tokensIssued() {
    return tokensIssued.get();
  }

  /** A connector token for this bot, valid now, naming {@link #serviceUrl()}. */
  String token() {
    return token(signingKey, appId, serviceUrl(), Instant.now().plus(Duration.ofMinutes(60)));
  }

  static String token(RSAKey key, String audience, String serviceUrl, Instant expires) {
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(audience)
            .notBeforeTime(Date.from(expires.minus(Duration.ofMinutes(65))))
            .expirationTime(Date.from(expires))
            .claim("serviceurl", serviceUrl)
            .build();
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  synchronized List<Posted> posted() {
    return List.copyOf(posted);
  }

  synchronized List<String> lookups() {
    return List.copyOf(lookups);
  }

  /** Waits until at least {@code count} activities were posted; returns them all. */
  List<Posted> awaitPosts(int count) {
    return await("at least " + count + " activities posted")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(25))
        .until(this::posted, posted -> posted.size() >= count);
  }

  private void metadata(HttpExchange exchange) throws IOException {
    answer(
        exchange,
        200,
        "{\"issuer\":\""
            + ISSUER
            + "\",\"jwks_uri\":\""
            + root()
            + "/keys\","
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\"]}");
  }

  private void keys(HttpExchange exchange) throws IOException {
    keySetReads.incrementAndGet();
    List<Map<String, Object>> keys = new ArrayList<>();
    synchronized (this) {
      for (var key : published) {
        var json = new HashMap<>(key.toPublicJWK().toJSONObject());
        json.put("use", "sig");
        json.put("endorsements", List.of("msteams", "skype"));
        keys.add(json);
      }
    }
    answer(exchange, 200, JSONObjectUtils.toJSONString(Map.of("keys", keys)));
  }

  private void token(HttpExchange exchange) throws IOException {
    var form = new HashMap<String, String>();
    for (var pair :
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0)
        form.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    if (!"client_credentials".equals(form.get("grant_type"))
        || !appId.equals(form.get("client_id"))
        || !appPassword.equals(form.get("client_secret"))
        || !"https://api.botframework.com/.default".equals(form.get("scope"))) {
      answer(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    tokensIssued.incrementAndGet();
    answer(
        exchange,
        200,
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
            + connectorToken
            + "\"}");
  }

  private void connector(HttpExchange exchange) throws IOException {
    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!("Bearer " + connectorToken)
        .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      answer(exchange, 401, "{\"error\":{\"code\":\"Unauthorized\"}}");
      return;
    }
    // /teams/v3/conversations/{conversation}/activities[/{activity}] or .../members/{member}, each
    // segment escaped
    var segments =
        exchange
            .getRequestURI()
            .getRawPath()
            .substring("/teams/v3/conversations/".length())
            .split("/");
    var conversation = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
    if ("GET".equals(exchange.getRequestMethod())
        && segments.length == 3
        && segments[1].equals("members")) {
      var member = URLDecoder.decode(segments[2], StandardCharsets.UTF_8);
      synchronized (this) {
        lookups.add(conversation + " " + member);
      }
      answer(
          exchange,
          200,
          "{\"id\":\""
              + member
              + "\",\"name\":\"Alice Example\",\"givenName\":\"Alice\",\"surname\":\"Example\","
              + "\"email\":\""
              + email
              + "\",\"userPrincipalName\":\""
              + email
              + "\",\"tenantId\":\"tenant-1\",\"userRole\":\"user\"}");
      return;
    }
    if ("POST".equals(exchange.getRequestMethod())
        && segments.length >= 2
        && segments[1].equals("activities")) {
      var replyTo =
          segments.length == 3 ? URLDecoder.decode(segments[2], StandardCharsets.UTF_8) : null;
      synchronized (this) {
        posted.add(new Posted(conversation, replyTo, body));
      }
      answer(exchange, 200, "{\"id\":\"reply-" + System.nanoTime() + "\"}");
      return;
    }
    answer(exchange, 404, "{\"error\":{\"code\":\"NotFound\"}}");
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    var bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
