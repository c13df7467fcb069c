package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chat API over HTTP, with an H2 file of its own and retrieval decisions scripted by {@link
 * ScriptedSearch}, so these tests are about the conversation, not the ranker.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatControllerTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put(ScriptedSearch.ENABLED, "true");
    return properties;
  }

  private StartedConversation start() {
    var response =
        client
            .toBlocking()
            .exchange(HttpRequest.POST("/api/conversations", ""), StartedConversation.class);
    assertEquals(HttpStatus.CREATED, response.getStatus());
    return response.body();
  }

  private List<BotMessage> send(StartedConversation conversation, String text) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/messages", Map.of("text", text))
                .header(ChatController.TOKEN_HEADER, conversation.token()),
            ChatResponse.class)
        .replies();
  }

  private HttpClientResponseException sendFails(HttpRequest<?> request) {
    return assertThrows(
        HttpClientResponseException.class,
        () -> client.toBlocking().exchange(request, String.class));
  }

  private static String body(HttpClientResponseException e) {
    return e.getResponse().getBody(String.class).orElse("");
  }

  @Test
  void starting_a_conversation_returns_201_with_a_new_unguessable_id_and_token() {
    var first = start();
    var second = start();

    assertNotEquals(first.id(), second.id());
    assertNotEquals(first.token(), second.token());
    assertTrue(first.token().length() >= 40, "256-bit token: " + first.token());
  }

  @Test
  void a_known_question_is_answered_with_the_article_snippet_link_and_a_message_id() {
    var replies = send(start(), ScriptedSearch.ANSWERED);

    assertEquals(1, replies.size());
    var answer = replies.get(0);
    assertEquals(ReplyType.ANSWER, answer.type());
    assertNotNull(answer.id());
    var best = answer.articles().get(0);
    assertEquals("account-locked-out", best.id());
    assertEquals("Account locked out", best.title());
    assertEquals("/kb/account-locked-out", best.url());
    assertFalse(best.snippet().isBlank());
    assertEquals("your <mark>account</mark> is <mark>locked</mark>", best.snippet());
    assertEquals(0.95, best.confidence());
    assertTrue(answer.options().contains(Options.THAT_WORKED));
  }

  @Test
  void two_close_candidates_get_a_clarifying_choice_and_choosing_one_answers_with_it() {
    var conversation = start();

    var clarify = send(conversation, ScriptedSearch.AMBIGUOUS).get(0);
    assertEquals(ReplyType.CLARIFY, clarify.type());
    assertEquals(
        List.of("Reset a forgotten password", "Account locked out", Options.SOMETHING_ELSE),
        clarify.options());

    var answer = send(conversation, clarify.options().get(1)).get(0);
    assertEquals(ReplyType.ANSWER, answer.type());
    assertEquals("account-locked-out", answer.articles().get(0).id());
  }

  @Test
  void something_else_after_a_clarifying_question_invites_a_rephrase() {
    var conversation = start();
    send(conversation, ScriptedSearch.AMBIGUOUS);

    var reply = send(conversation, Options.SOMETHING_ELSE).get(0);

    assertEquals(ReplyType.TEXT, reply.type());
    assertTrue(reply.text().contains("other words"), reply.text());
  }

  @Test
  void reply_types_are_lower_case_in_json() {
    var conversation = start();
    var json =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                        "/api/conversations/" + conversation.id() + "/messages",
                        Map.of("text", ScriptedSearch.ANSWERED))
                    .header(ChatController.TOKEN_HEADER, conversation.token()),
                String.class);
    assertTrue(json.contains("\"type\":\"answer\""), json);
  }

  @Test
  void greetings_thanks_and_that_worked_get_brief_text_replies() {
    var conversation = start();
    for (var text : List.of("Hi there!", "thanks", "That worked, thank you")) {
      var replies = send(conversation, text);
      assertEquals(1, replies.size(), text);
      assertEquals(ReplyType.TEXT, replies.get(0).type(), text);
      assertTrue(replies.get(0).articles().isEmpty(), text);
    }
  }

  @Test
  void a_question_about_pay_is_redirected_to_payroll_instead_of_answered_from_the_kb() {
    var replies = send(start(), "When will I get my payslip for this month?");

    assertEquals(1, replies.size());
    assertEquals(ReplyType.TEXT, replies.get(0).type());
    assertTrue(replies.get(0).text().contains("Payroll"), replies.get(0).text());
    assertTrue(replies.get(0).articles().isEmpty());
  }

  @Test
  void asking_for_a_person_gets_a_handoff() {
    var replies = send(start(), "can I talk to a person please");

    assertEquals(ReplyType.HANDOFF, replies.get(0).type());
    assertTrue(replies.get(0).text().contains("Service Desk"), replies.get(0).text());
  }

  @Test
  void two_no_answers_in_a_row_offer_a_person() {
    var conversation = start();

    var first = send(conversation, "zebra quantum lasagne orchestra");
    assertEquals(List.of(ReplyType.NO_ANSWER), first.stream().map(BotMessage::type).toList());
    assertTrue(first.get(0).options().contains(Options.TALK_TO_PERSON));

    var second = send(conversation, "purple elephant xylophone marathon");
    assertEquals(
        List.of(ReplyType.NO_ANSWER, ReplyType.HANDOFF),
        second.stream().map(BotMessage::type).toList());
  }

  @Test
  void the_transcript_lists_user_and_bot_messages_in_order_with_the_reply_ids() {
    var conversation = start();
    var answer = send(conversation, ScriptedSearch.ANSWERED).get(0);
    send(conversation, "thanks");

    var transcript =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/conversations/" + conversation.id())
                    .header(ChatController.TOKEN_HEADER, conversation.token()),
                Transcript.class);

    assertEquals(conversation.id(), transcript.id());
    var messages = transcript.messages();
    assertEquals(
        List.of("user", "bot", "user", "bot"),
        messages.stream().map(Transcript.Entry::from).toList());
    assertEquals(ScriptedSearch.ANSWERED, messages.get(0).text());
    assertEquals(answer.id(), messages.get(1).id());
    assertEquals(ReplyType.ANSWER, messages.get(1).type());
    assertEquals("account-locked-out", messages.get(1).articles().get(0).id());
  }

  @Test
  void empty_text_is_a_400_that_says_what_is_wrong() {
    var conversation = start();
    var e =
        sendFails(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/messages", Map.of("text", "   "))
                .header(ChatController.TOKEN_HEADER, conversation.token()));
    assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    assertTrue(body(e).contains("text must not be empty"), body(e));
  }

  @Test
  void oversized_text_is_a_400_that_says_the_limit() {
    var conversation = start();
    var e =
        sendFails(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/messages",
                    Map.of("text", "a".repeat(MessageRequest.MAX_TEXT + 1)))
                .header(ChatController.TOKEN_HEADER, conversation.token()));
    assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    assertTrue(body(e).contains("at most " + MessageRequest.MAX_TEXT), body(e));
  }

  @Test
  void a_deeply_nested_body_when_starting_is_a_clear_error_not_a_server_error() {
    // Up to the 16 KB body limit. Binding the one property "pageUrl" decoded the body into a tree
    // recursively: with the default thread stack that overflowed only sometimes (the fuzz test
    // caught it once), with -Xss256k at 2,000 levels every time.
    for (int depth : new int[] {2_000, 8_000, 16_000}) {
      var unterminated =
          sendFails(
              HttpRequest.POST(
                      "/api/conversations", "{\"text\":" + "[".repeat(depth) + "]".repeat(10))
                  .contentType(MediaType.APPLICATION_JSON));
      assertEquals(HttpStatus.BAD_REQUEST, unterminated.getStatus(), "depth " + depth);
      if (depth > 8_000) continue; // a well-formed body this deep is over the size limit
      var wellFormed =
          statusOf(
              HttpRequest.POST(
                      "/api/conversations",
                      "{\"other\":"
                          + "[".repeat(depth)
                          + "]".repeat(depth)
                          + ",\"pageUrl\":\"https://intranet.example.com\"}")
                  .contentType(MediaType.APPLICATION_JSON));
      assertTrue(wellFormed.getCode() < 500, "depth " + depth + ": " + wellFormed);
    }
    assertNotNull(start().token(), "the server still starts conversations");
  }

  private HttpStatus statusOf(HttpRequest<?> request) {
    try {
      return client.toBlocking().exchange(request, String.class).getStatus();
    } catch (HttpClientResponseException e) {
      return e.getStatus();
    }
  }

  @Test
  void malformed_json_is_a_400() {
    var conversation = start();
    var e =
        sendFails(
            HttpRequest.POST("/api/conversations/" + conversation.id() + "/messages", "{\"text\": ")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ChatController.TOKEN_HEADER, conversation.token()));
    assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
  }

  @Test
  void a_missing_token_is_a_401_that_names_the_header() {
    var conversation = start();
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        HttpRequest.GET("/api/conversations/" + conversation.id() + "/messages"),
                        String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    assertTrue(
        e.getResponse()
            .getBody(String.class)
            .orElse("")
            .contains("X-Conversation-Token header is required"),
        e.getResponse().getBody(String.class).orElse(""));
  }

  @Test
  void a_missing_token_is_a_401() {
    var conversation = start();
    var e =
        sendFails(
            HttpRequest.POST(
                "/api/conversations/" + conversation.id() + "/messages", Map.of("text", "hello")));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    assertTrue(body(e).contains(ChatController.TOKEN_HEADER), body(e));
  }

  @Test
  void a_wrong_token_is_a_404_for_messages_and_transcript() {
    var conversation = start();
    var other = start();

    var send =
        sendFails(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/messages",
                    Map.of("text", "hello"))
                .header(ChatController.TOKEN_HEADER, other.token()));
    var read =
        sendFails(
            HttpRequest.GET("/api/conversations/" + conversation.id())
                .header(ChatController.TOKEN_HEADER, other.token()));

    assertEquals(HttpStatus.NOT_FOUND, send.getStatus());
    assertEquals(HttpStatus.NOT_FOUND, read.getStatus());
  }

  @Test
  void an_unknown_conversation_is_a_404() {
    var conversation = start();
    var e =
        sendFails(
            HttpRequest.GET("/api/conversations/00000000-0000-4000-8000-000000000000")
                .header(ChatController.TOKEN_HEADER, conversation.token()));
    assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
  }
}
