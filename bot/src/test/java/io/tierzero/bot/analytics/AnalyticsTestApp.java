package io.tierzero.bot.analytics;

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

/** Properties and HTTP steps shared by the feedback, analytics and console tests. */
public final class AnalyticsTestApp {
  public static final String TOKEN = "X-Conversation-Token";
  public static final String AGENT = "dana";
  public static final String AGENT_PASSWORD = "a long agent passphrase";

  /** Few iterations: tests check the logic, not the cost. */
  static final String AGENT_HASH = PasswordHashes.hash(AGENT_PASSWORD.toCharArray(), 1_000);

  private AnalyticsTestApp() {}

  public static Map<String, String> properties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put(ScriptedAnswers.ENABLED, "true");
    properties.put("tierzero.security.agents." + AGENT + ".password-hash", AGENT_HASH);
    properties.put("tierzero.feedback.ratings-debounce", "10ms");
    return properties;
  }

  public static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((AGENT + ":" + AGENT_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  public static StartedConversation start(HttpClient client) {
    return client
        .toBlocking()
        .retrieve(HttpRequest.POST("/api/conversations", Map.of()), StartedConversation.class);
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

  public static HttpRequest<?> vote(StartedConversation c, Map<String, Object> body) {
    return HttpRequest.POST("/api/conversations/" + c.id() + "/feedback", body)
        .header(TOKEN, c.token());
  }

  /** Asks for a person and submits the ticket form with consent. */
  public static void raiseTicket(
      HttpClient client, StartedConversation c, String name, String email) {
    send(client, c, "talk to a person");
    var form = new HashMap<String, Object>();
    form.put("name", name);
    form.put("email", email);
    form.put("consent", true);
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST("/api/conversations/" + c.id() + "/ticket", form)
                .header(TOKEN, c.token()));
  }
}
