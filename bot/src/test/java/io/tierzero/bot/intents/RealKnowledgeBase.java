package io.tierzero.bot.intents;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatResponse;
import io.tierzero.bot.conversations.StartedConversation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A test bot on the knowledge base as shipped (articles, flows, intents), over HTTP. */
final class RealKnowledgeBase {
  static final Path ARTICLES = TestApp.SHIPPED_ARTICLES;

  private RealKnowledgeBase() {}

  /**
   * Bot properties: the real articles (read only), a copy of their index built once per test JVM, a
   * fresh database.
   */
  static Map<String, String> properties() {
    var properties = TestApp.properties(TestApp.newHomeForShippedArticles());
    properties.put("tierzero.kb.articles-dir", ARTICLES.toString());
    properties.put("tierzero.flows.dir", ARTICLES.resolve("flows").toString());
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.port", "0");
    // Each question is a new conversation: the per-conversation limit is not what is tested.
    properties.put("tierzero.security.rate-limits.enabled", "false");
    return properties;
  }

  record Chat(StartedConversation conversation, List<BotMessage> replies) {}

  /** The first replies of a new conversation to {@code text}. */
  static Chat first(HttpClient client, String text) {
    var http = client.toBlocking();
    var conversation =
        http.retrieve(HttpRequest.POST("/api/conversations", ""), StartedConversation.class);
    return new Chat(conversation, send(client, conversation, text));
  }

  static List<BotMessage> send(HttpClient client, StartedConversation conversation, String text) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/messages", Map.of("text", text))
                .header("X-Conversation-Token", conversation.token()),
            ChatResponse.class)
        .replies();
  }
}
