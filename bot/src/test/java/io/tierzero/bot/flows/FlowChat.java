package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.chat.BotMessage;
import io.tierzero.bot.chat.ChatResponse;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.conversations.StartedConversation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A user chatting over HTTP, for the flow tests: the real chat API, nothing in between. */
final class FlowChat {
  /** The flows in this repository, so tests run what agents wrote. */
  static final Path FLOWS = Path.of("../articles/flows").toAbsolutePath().normalize();

  private final HttpClient client;
  final StartedConversation conversation;

  FlowChat(HttpClient client) {
    this(
        client,
        client
            .toBlocking()
            .retrieve(HttpRequest.POST("/api/conversations", ""), StartedConversation.class));
  }

  /** Goes on with a conversation started before, on this or another instance. */
  FlowChat(HttpClient client, StartedConversation conversation) {
    this.client = client;
    this.conversation = conversation;
  }

  /** Test properties: the fixture articles, the real flows, free ports for the demo servers. */
  static Map<String, String> properties() {
    var properties = new java.util.HashMap<>(TestApp.properties());
    properties.put("tierzero.flows.dir", FLOWS.toString());
    properties.put("tierzero.directory.embedded.port", "0");
    properties.put("tierzero.mail.embedded.port", "0");
    return properties;
  }

  List<BotMessage> send(String text) {
    var replies =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                        "/api/conversations/" + conversation.id() + "/messages",
                        Map.of("text", text))
                    .header("X-Conversation-Token", conversation.token()),
                ChatResponse.class)
            .replies();
    assertFalse(replies.isEmpty(), "no reply to " + text);
    return replies;
  }

  /** Sends {@code text} and returns the last reply, which is the next question or the end. */
  BotMessage last(String text) {
    var replies = send(text);
    return replies.get(replies.size() - 1);
  }

  Transcript transcript() {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.GET("/api/conversations/" + conversation.id())
                .header("X-Conversation-Token", conversation.token()),
            Transcript.class);
  }

  /** Answers each question in turn; every reply before the last must be a flow step. */
  BotMessage answer(String... answers) {
    BotMessage last = null;
    for (var answer : answers) {
      last = last(answer);
    }
    return last;
  }

  static void assertQuestion(BotMessage reply, String inputType) {
    assertEquals(ReplyType.FLOW_STEP, reply.type(), reply.text());
    assertEquals(inputType, reply.input() == null ? null : reply.input().type(), reply.text());
  }
}
