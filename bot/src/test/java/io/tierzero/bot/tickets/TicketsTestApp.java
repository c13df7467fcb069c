package io.tierzero.bot.tickets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatResponse;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.security.PasswordHashes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Properties and HTTP steps shared by the tickets' tests. */
public final class TicketsTestApp {
  public static final String TOKEN = "X-Conversation-Token";
  public static final String AGENT = "alice";
  public static final String AGENT_PASSWORD = "correct horse battery staple";

  /** Few iterations: tests check the logic, not the cost. */
  public static final String AGENT_HASH = PasswordHashes.hash(AGENT_PASSWORD.toCharArray(), 1_000);

  private TicketsTestApp() {}

  public static Map<String, String> properties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put(TicketsTestSearch.ENABLED, "true");
    properties.put("tierzero.security.agents." + AGENT + ".password-hash", AGENT_HASH);
    properties.put("tierzero.tickets.queues.accounts", "tier1-identity");
    // These tests raise many tickets from one address and name; the limits have their own test.
    properties.put("tierzero.tickets.limits.per-address-per-hour", "1000");
    properties.put("tierzero.tickets.limits.per-requester-per-hour", "1000");
    return properties;
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static StartedConversation start(HttpClient client, Map<String, Object> body) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST("/api/conversations", body)
                .header("User-Agent", "TestBrowser/1.0 (X11; Linux)"),
            StartedConversation.class);
  }

  public static List<BotMessage> send(HttpClient client, StartedConversation c, String text) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST("/api/conversations/" + c.id() + "/messages", Map.of("text", text))
                .header(TOKEN, c.token()),
            ChatResponse.class)
        .replies();
  }

  public static Map<String, Object> form(String name, String email, boolean consent) {
    var form = new HashMap<String, Object>();
    form.put("name", name);
    form.put("email", email);
    form.put("consent", consent);
    return form;
  }

  public static HttpRequest<?> submit(StartedConversation c, Map<String, Object> form) {
    return HttpRequest.POST("/api/conversations/" + c.id() + "/ticket", form)
        .header(TOKEN, c.token());
  }
}
