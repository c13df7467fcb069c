package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.conversations.StartedConversation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conversations live in the database, not in an instance: two bots on one database continue each
 * other's conversations, and a restarted bot continues where it stopped.
 */
class ConversationContinuityTest {
  private static EmbeddedServer startBot(Path home, String indexName) {
    var properties = new HashMap<String, Object>(TestApp.properties(home));
    // Each instance owns its index (Lucene allows one writer per folder); the database is shared.
    properties.put("tierzero.kb.index-dir", TestApp.indexCopy(home, indexName).toString());
    properties.put("micronaut.server.port", -1);
    return ApplicationContext.run(EmbeddedServer.class, properties, "test");
  }

  private static List<BotMessage> send(EmbeddedServer bot, StartedConversation c, String text) {
    try (var client = HttpClient.create(bot.getURL())) {
      return client
          .toBlocking()
          .retrieve(
              HttpRequest.POST("/api/conversations/" + c.id() + "/messages", Map.of("text", text))
                  .header(ChatController.TOKEN_HEADER, c.token()),
              ChatResponse.class)
          .replies();
    }
  }

  private static Transcript transcript(EmbeddedServer bot, StartedConversation c) {
    try (var client = HttpClient.create(bot.getURL())) {
      return client
          .toBlocking()
          .retrieve(
              HttpRequest.GET("/api/conversations/" + c.id())
                  .header(ChatController.TOKEN_HEADER, c.token()),
              Transcript.class);
    }
  }

  @Test
  void another_instance_and_a_restarted_instance_continue_the_conversation() {
    var home = TestApp.newHome();
    StartedConversation conversation;
    try (var first = startBot(home, "index-a");
        var second = startBot(home, "index-b")) {
      try (var client = HttpClient.create(first.getURL())) {
        conversation =
            client
                .toBlocking()
                .retrieve(HttpRequest.POST("/api/conversations", ""), StartedConversation.class);
      }
      send(first, conversation, "zebra quantum lasagne orchestra");

      // The no-answer streak is in the database too: the second miss, on the other instance,
      // offers a person.
      var replies = send(second, conversation, "purple elephant xylophone marathon");
      assertEquals(
          List.of(ReplyType.NO_ANSWER, ReplyType.HANDOFF),
          replies.stream().map(BotMessage::type).toList());
    }

    try (var restarted = startBot(home, "index-a")) {
      send(restarted, conversation, "thanks");
      var messages = transcript(restarted, conversation).messages();
      assertEquals(7, messages.size());
      assertEquals("zebra quantum lasagne orchestra", messages.get(0).text());
      assertEquals("thanks", messages.get(5).text());
    }
  }
}
