package io.tierzero.bot.tickets.rt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The few calls of RT's REST 2 API ({@code /REST/2.0/}) the sink and the poller make. Every failure
 * (no answer, a non-2xx status) is an {@link IOException} naming the call and RT's words, so the
 * outbox records why and tries again.
 */
@Singleton
@Requires(property = RequestTrackerConfiguration.PREFIX + ".url")
class RequestTrackerClient {
  /** A transaction of an RT ticket's history, as the poller reads it. */
  record Transaction(
      long id, String type, String creator, @Nullable String field, @Nullable String newValue) {}

  /** What the poller needs of a ticket: who raised it (our bot's RT user) and its requestors. */
  record TicketInfo(long id, String status, String creator, List<String> requestors) {}

  /** RT's biggest page; one poll rarely sees more than a few transactions. */
  private static final int PAGE = 100;

  private final RequestTrackerConfiguration config;
  private final ObjectMapper json;
  private final HttpClient http;
  private final URI api;

  RequestTrackerClient(RequestTrackerConfiguration config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    // HTTP/1.1: RT's standalone and FastCGI servers speak nothing else, and an h2c upgrade offer
    // on every request is wasted.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.timeout())
            .build();
    var base = config.url().toString();
    this.api = URI.create((base.endsWith("/") ? base : base + "/") + "REST/2.0/");
  }

  /** The id of the ticket whose key field holds {@code key}, the oldest when several do. */
  OptionalLong findByKey(String key) throws IOException, InterruptedException {
    // TicketSQL: the field's name in braces, the value quoted; our keys are UUIDs, but quote
    // anyway so a key can never change the query.
    var query =
        "'CF.{"
            + config.keyField()
            + "}' = '"
            + key.replace("\\", "\\\\").replace("'", "\\'")
            + "'";
    var found = get("tickets?query=" + encode(query) + "&orderby=id&order=ASC&per_page=1");
    var items = found.get("items");
    if (items == null || items.size() == 0) return OptionalLong.empty();
    return OptionalLong.of(Long.parseLong(text(items.get(0), "id")));
  }

  /** Creates a ticket and returns its id. */
  long create(Map<String, Object> ticket) throws IOException, InterruptedException {
    var created = send("POST", "ticket", ticket);
    return Long.parseLong(text(created, "id"));
  }

  TicketInfo ticket(long id) throws IOException, InterruptedException {
    var t = get("ticket/" + id);
    var requestors = new ArrayList<String>();
    var r = t.get("Requestor");
    if (r != null && r.isArray()) for (var each : r.values()) requestors.add(text(each, "id"));
    return new TicketInfo(id, text(t, "Status"), text(t.get("Creator"), "id"), requestors);
  }

  /**
   * The ticket's transactions of these types after {@code afterId}, oldest first (TransactionSQL,
   * RT 5).
   */
  List<Transaction> transactions(long ticketId, long afterId, List<String> types)
      throws IOException, InterruptedException {
    var typeQuery = String.join(" OR ", types.stream().map(t -> "Type = '" + t + "'").toList());
    var query =
        "ObjectType = 'RT::Ticket' AND ObjectId = "
            + ticketId
            + " AND id > "
            + afterId
            + " AND ("
            + typeQuery
            + ")";
    var out = new ArrayList<Transaction>();
    for (int page = 1; ; page++) {
      var found =
          get(
              "transactions?query="
                  + encode(query)
                  + "&orderby=id&order=ASC&per_page="
                  + PAGE
                  + "&page="
                  + page
                  + "&fields=Type,Creator,Field,NewValue");
      var items = found.get("items");
      if (items == null || items.size() == 0) break;
      for (var item : items.values()) {
        out.add(
            new Transaction(
                Long.parseLong(text(item, "id")),
                text(item, "Type"),
                text(item.get("Creator"), "id"),
                optional(item, "Field"),
                optional(item, "NewValue")));
      }
      if (items.size() < PAGE) break;
    }
    return out;
  }

  /** The plain text a transaction carries (its text/plain parts), empty when it has none. */
  String text(long transactionId) throws IOException, InterruptedException {
    var found =
        get(
            "transaction/"
                + transactionId
                + "/attachments?fields=Content,ContentType&per_page="
                + PAGE);
    var out = new StringBuilder();
    var items = found.get("items");
    if (items == null) return "";
    for (var item : items.values()) {
      var type = optional(item, "ContentType");
      var content = optional(item, "Content");
      if (content == null
          || type == null
          || !type.toLowerCase(Locale.ROOT).startsWith("text/plain")) continue;
      if (!out.isEmpty()) out.append("\n\n");
      out.append(content.strip());
    }
    return out.toString();
  }

  /** Adds correspondence (mailed to the requestors) or a comment, optionally moving the status. */
  void update(long ticketId, boolean comment, String text, @Nullable String status)
      throws IOException, InterruptedException {
    var body = new LinkedHashMap<String, Object>();
    body.put("Content", text);
    body.put("ContentType", "text/plain");
    if (status != null) body.put("Status", status);
    send("POST", "ticket/" + ticketId + (comment ? "/comment" : "/correspond"), body);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return exchange(request(path).GET().build(), "GET " + path);
  }

  private JsonNode send(String method, String path, Object body)
      throws IOException, InterruptedException {
    var request =
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build();
    return exchange(request, method + " " + path);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.resolve(path))
        .timeout(config.timeout())
        .header("Accept", "application/json")
        .header("Authorization", authorization());
  }

  private JsonNode exchange(HttpRequest request, String what)
      throws IOException, InterruptedException {
    var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    var body = response.body() == null ? new byte[0] : response.body();
    if (response.statusCode() / 100 != 2) {
      var text = new String(body, StandardCharsets.UTF_8).strip();
      if (text.length() > 300) text = text.substring(0, 300);
      throw new IOException(
          "RT answered HTTP "
              + response.statusCode()
              + " to "
              + what.replaceAll("\\?.*", "")
              + (text.isEmpty() ? "" : ": " + text));
    }
    if (body.length == 0) return JsonNode.createObjectNode(Map.of());
    return json.readValue(body, JsonNode.class);
  }

  private String authorization() {
    if (config.token() != null && !config.token().isBlank())
      return "token " + config.token().strip();
    var pair = config.username() + ":" + config.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String text(@Nullable JsonNode node, String field) throws IOException {
    var value = optional(node, field);
    if (value == null) throw new IOException("RT's answer has no " + field);
    return value;
  }

  private static @Nullable String optional(@Nullable JsonNode node, String field) {
    if (node == null) return null;
    var value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (value.isString()) return value.getStringValue();
    if (value.isNumber()) return value.getNumberValue().toString();
    return value.toString();
  }
}
