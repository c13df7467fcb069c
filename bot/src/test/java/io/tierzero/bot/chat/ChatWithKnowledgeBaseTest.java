package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chat on the real retrieval over the fixture articles. Whether a question gets a straight
 * answer or a choice of two is the ranker's calibration, so the assertions accept either and check
 * that the right article comes first.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatWithKnowledgeBaseTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return TestApp.properties();
  }

  private List<BotMessage> ask(String text) {
    var http = client.toBlocking();
    var conversation =
        http.retrieve(HttpRequest.POST("/api/conversations", ""), StartedConversation.class);
    return http.retrieve(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/messages", Map.of("text", text))
                .header(ChatController.TOKEN_HEADER, conversation.token()),
            ChatResponse.class)
        .replies();
  }

  @Test
  void a_question_an_article_lists_offers_that_article_first() {
    var reply = ask("my account is locked").get(0);

    assertTrue(
        Set.of(ReplyType.ANSWER, ReplyType.CLARIFY).contains(reply.type()), reply.toString());
    assertEquals("account-locked-out", reply.articles().get(0).id());
    assertEquals("/kb/account-locked-out", reply.articles().get(0).url());
    assertTrue(
        reply.articles().get(0).snippet().contains("<mark>"), reply.articles().get(0).snippet());
  }

  @Test
  void a_question_no_article_answers_gets_no_answer_and_no_article() {
    var reply = ask("zebra quantum lasagne orchestra").get(0);

    assertEquals(ReplyType.NO_ANSWER, reply.type());
    assertTrue(reply.articles().isEmpty());
  }
}
