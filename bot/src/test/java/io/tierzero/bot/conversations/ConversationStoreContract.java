package io.tierzero.bot.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the conversation store must do on every supported database. Subclasses run it on H2 (the
 * embedded default) and on PostgreSQL, with the same repositories and migrations.
 */
abstract class ConversationStoreContract {
  @Inject ConversationStore store;
  @Inject ConversationRepository conversations;
  @Inject ChatMessageRepository messages;
  @Inject TransactionOperations<Connection> transactions;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void a_started_conversation_is_found_with_its_token_and_only_with_it() {
    var started = store.start();

    assertTrue(store.find(started.id(), started.token()).isPresent());
    assertTrue(store.find(started.id(), started.token() + "x").isEmpty());
    assertTrue(store.find(started.id(), null).isEmpty());
    assertTrue(store.find("no-such-id", started.token()).isEmpty());
  }

  @Test
  void only_a_hash_of_the_token_is_stored() {
    var started = store.start();
    var row = conversations.findById(started.id()).orElseThrow();

    assertNotEquals(started.token(), row.tokenHash());
    assertEquals(64, row.tokenHash().length());
  }

  @Test
  void appended_messages_read_back_in_order_with_every_field() {
    var started = store.start();
    var stored =
        transactions.executeWrite(
            status -> {
              var conversation = store.lockForTurn(started.id(), started.token()).orElseThrow();
              return store.append(
                  conversation,
                  List.of(
                      NewMessage.fromUser("my account is locked"),
                      NewMessage.fromBot(
                          "answer", "This article should help", "{\"options\":[\"That worked\"]}"),
                      NewMessage.fromBot("handoff", "Let's get a person", null)),
                  3);
            });

    var transcript = store.messages(store.find(started.id(), started.token()).orElseThrow());
    assertEquals(stored, transcript);
    assertEquals(List.of(0, 1, 2), transcript.stream().map(ChatMessage::seq).toList());
    assertEquals(ChatMessage.USER, transcript.get(0).sender());
    assertNull(transcript.get(0).replyType());
    assertEquals("{\"options\":[\"That worked\"]}", transcript.get(1).payload());

    var conversation = conversations.findById(started.id()).orElseThrow();
    assertEquals(3, conversation.messageCount());
    assertEquals(3, conversation.noAnswerStreak());
    assertFalse(conversation.updatedAt().isBefore(conversation.createdAt()));
    assertEquals(stored.get(2), store.lastBotMessage(conversation).orElseThrow());
  }

  @Test
  void a_second_turn_continues_the_sequence() {
    var started = store.start();
    for (var text : List.of("first", "second")) {
      transactions.executeWrite(
          status -> {
            var conversation = store.lockForTurn(started.id(), started.token()).orElseThrow();
            return store.append(conversation, List.of(NewMessage.fromUser(text)), 0);
          });
    }
    var transcript = store.messages(store.find(started.id(), started.token()).orElseThrow());
    assertEquals(List.of("first", "second"), transcript.stream().map(ChatMessage::body).toList());
    assertEquals(List.of(0, 1), transcript.stream().map(ChatMessage::seq).toList());
  }

  @Test
  void the_last_bot_message_is_found_whether_or_not_it_is_the_last_message() {
    var started = store.start();
    assertTrue(store.lastBotMessage(conversations.findById(started.id()).orElseThrow()).isEmpty());

    appendTurn(
        started,
        NewMessage.fromUser("hello"),
        NewMessage.fromBot("text", "Hi! What can I help with?", null));
    var conversation = conversations.findById(started.id()).orElseThrow();
    assertEquals(
        "Hi! What can I help with?", store.lastBotMessage(conversation).orElseThrow().body());

    appendTurn(started, NewMessage.fromUser("are you there?"));
    conversation = conversations.findById(started.id()).orElseThrow();
    assertEquals(
        "Hi! What can I help with?", store.lastBotMessage(conversation).orElseThrow().body());
  }

  @Test
  void the_recent_messages_are_the_last_ones_oldest_first() {
    var started = store.start();
    assertTrue(
        store.recentMessages(conversations.findById(started.id()).orElseThrow(), 3).isEmpty());
    for (int i = 0; i < 4; i++) {
      appendTurn(
          started,
          NewMessage.fromUser("question " + i),
          NewMessage.fromBot("text", "answer " + i, null));
    }
    var conversation = conversations.findById(started.id()).orElseThrow();

    assertEquals(
        List.of("answer 2", "question 3", "answer 3"),
        store.recentMessages(conversation, 3).stream().map(ChatMessage::body).toList());
    assertEquals(8, store.recentMessages(conversation, 20).size());
  }

  @Test
  void recent_messages_another_instance_wrote_are_read_from_the_database() {
    var started = store.start();
    appendTurn(
        started, NewMessage.fromUser("question"), NewMessage.fromBot("text", "answer", null));
    assertEquals(
        List.of("question", "answer"),
        bodies(store.recentMessages(conversations.findById(started.id()).orElseThrow(), 16)));

    appendElsewhere(started, "elsewhere");

    var after = conversations.findById(started.id()).orElseThrow();
    assertEquals(
        List.of("question", "answer", "elsewhere"), bodies(store.recentMessages(after, 16)));
  }

  @Test
  void a_turn_that_rolls_back_leaves_no_recent_messages_behind() {
    var started = store.start();
    appendTurn(
        started, NewMessage.fromUser("question"), NewMessage.fromBot("text", "answer", null));
    try {
      transactions.executeWrite(
          status -> {
            var conversation = store.lockForTurn(started.id(), started.token()).orElseThrow();
            store.recentMessages(conversation, 16);
            store.append(conversation, List.of(NewMessage.fromUser("rolled back")), 0);
            throw new IllegalStateException("the turn fails after storing");
          });
    } catch (IllegalStateException expected) {
      // The turn's transaction rolled back.
    }
    // Another message takes the rolled-back one's position, as another instance would write it.
    appendElsewhere(started, "kept");

    var conversation = conversations.findById(started.id()).orElseThrow();
    assertEquals(
        List.of("question", "answer", "kept"), bodies(store.recentMessages(conversation, 16)));
  }

  /** What another instance does: a user message appended with the repositories, not this store. */
  private void appendElsewhere(StartedConversation started, String body) {
    transactions.executeWrite(
        status -> {
          var before = conversations.findByIdForUpdate(started.id()).orElseThrow();
          var now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
          messages.save(
              new ChatMessage(
                  io.tierzero.bot.ids.Ids.newId(),
                  started.id(),
                  before.messageCount(),
                  ChatMessage.USER,
                  null,
                  body,
                  null,
                  now));
          conversations.update(before.withTurn(1, 0, now));
          return null;
        });
  }

  private static List<String> bodies(List<ChatMessage> messages) {
    return messages.stream().map(ChatMessage::body).toList();
  }

  private void appendTurn(StartedConversation started, NewMessage... turn) {
    transactions.executeWrite(
        status -> {
          var conversation = store.lockForTurn(started.id(), started.token()).orElseThrow();
          return store.append(conversation, List.of(turn), 0);
        });
  }

  @Test
  void a_wrong_token_cannot_lock_a_conversation() {
    var started = store.start();
    var locked =
        transactions.executeWrite(status -> store.lockForTurn(started.id(), "wrong-token"));
    assertTrue(locked.isEmpty());
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_chat_turn_over_http_is_stored_and_read_back() {
    var http = client.toBlocking();
    Map<String, Object> started =
        http.retrieve(HttpRequest.POST("/api/conversations", ""), Map.class);
    var id = (String) started.get("id");
    var token = (String) started.get("token");

    http.retrieve(
        HttpRequest.POST(
                "/api/conversations/" + id + "/messages", Map.of("text", "my account is locked"))
            .header("X-Conversation-Token", token),
        Map.class);
    Map<String, Object> transcript =
        http.retrieve(
            HttpRequest.GET("/api/conversations/" + id).header("X-Conversation-Token", token),
            Map.class);

    var entries = (List<Map<String, Object>>) transcript.get("messages");
    assertEquals(2, entries.size());
    // Answer or a choice of two: the ranker's calibration; either way the article comes first.
    assertTrue(
        List.of("answer", "clarify").contains(entries.get(1).get("type")), entries.toString());
    var articles = (List<Map<String, Object>>) entries.get(1).get("articles");
    assertEquals("account-locked-out", articles.get(0).get("id"));
  }
}
