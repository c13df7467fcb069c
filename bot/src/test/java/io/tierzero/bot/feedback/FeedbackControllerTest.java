package io.tierzero.bot.feedback;

import static io.tierzero.bot.analytics.AnalyticsTestApp.send;
import static io.tierzero.bot.analytics.AnalyticsTestApp.start;
import static io.tierzero.bot.analytics.AnalyticsTestApp.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.tickets.Escalations;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.search.Ratings;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackControllerTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject FeedbackRepository repository;
  @Inject ArticleRatings ratings;
  @Inject KnowledgeBase kb;
  @Inject Escalations escalations;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  private FeedbackReceipt rate(
      io.tierzero.bot.conversations.StartedConversation c, Map<String, Object> body) {
    return client.toBlocking().retrieve(vote(c, body), FeedbackReceipt.class);
  }

  private HttpStatus refused(HttpRequest<?> request) {
    var e =
        assertThrows(
            HttpClientResponseException.class, () -> client.toBlocking().exchange(request));
    return e.getStatus();
  }

  private double score(String question, String articleId) {
    return kb.search(question, 5).hits().stream()
        .filter(h -> h.id().equals(articleId))
        .findFirst()
        .orElseThrow()
        .score();
  }

  @Test
  void a_thumbs_up_on_an_answer_counts_for_its_article_and_moves_the_kb_prior() throws Exception {
    // The article is asked about in this test only, so no other test's votes are in its counts.
    var question = "my wifi keeps dropping";
    var c = start(client);
    var answer = send(client, c, question).get(0);
    assertEquals(ReplyType.ANSWER, answer.type());
    double before = score(question, "wifi-keeps-dropping");

    var receipt = rate(c, Map.of("messageId", answer.id(), "vote", "up"));

    assertEquals("wifi-keeps-dropping", receipt.articleId());
    assertEquals(Vote.UP, receipt.vote());
    assertFalse(receipt.changed());
    assertTrue(ratings.awaitRefreshed(Duration.ofSeconds(30)));
    assertEquals(new Ratings.Votes(1, 0), ratings.votes().get("wifi-keeps-dropping"));
    assertEquals(6.0 / 11, ratings.current().helpfulness("wifi-keeps-dropping"), 1e-12);
    // Hybrid scores move by 2 * MAX_SHIFT * (helpfulness - 0.5): here + 0.02 * (6/11 - 1/2).
    assertEquals(0.02 * (6.0 / 11 - 0.5), score(question, "wifi-keeps-dropping") - before, 1e-6);

    // Changing the vote replaces it: one row, and the prior now leans the other way.
    var changed = rate(c, Map.of("messageId", answer.id(), "vote", "down", "reason", "didnt_work"));

    assertTrue(changed.changed());
    assertEquals(Reason.DIDNT_WORK, changed.reason());
    assertEquals(1, repository.findByConversationIdOrderByCreatedAt(c.id()).size());
    assertTrue(ratings.awaitRefreshed(Duration.ofSeconds(30)));
    assertEquals(new Ratings.Votes(0, 1), ratings.votes().get("wifi-keeps-dropping"));
    assertEquals(0.02 * (5.0 / 11 - 0.5), score(question, "wifi-keeps-dropping") - before, 1e-6);
  }

  @Test
  void a_user_rating_an_answer_and_then_its_article_counts_once_with_the_latest_vote()
      throws Exception {
    var c = start(client);
    var answer = send(client, c, "my password expired").get(0);

    rate(c, Map.of("messageId", answer.id(), "vote", "up"));
    var article =
        rate(
            c,
            Map.of("articleId", "reset-forgotten-password", "vote", "down", "reason", "Outdated"));

    assertEquals("reset-forgotten-password", article.articleId());
    assertEquals(Reason.OUTDATED, article.reason());
    assertEquals(2, repository.findByConversationIdOrderByCreatedAt(c.id()).size());
    assertTrue(ratings.awaitRefreshed(Duration.ofSeconds(30)));
    var votes = ratings.votes().get("reset-forgotten-password");
    assertEquals(0, votes.up());
    assertEquals(1, votes.down());
  }

  @Test
  void a_thumbs_down_is_kept_for_the_ticket_and_arms_still_not_fixed() {
    var c = start(client);
    var answer = send(client, c, "my mailbox is full").get(0);

    rate(c, Map.of("messageId", answer.id(), "vote", "down", "reason", "wrong article"));

    assertTrue(escalations.hasNegativeRating(c.id()));
    var replies = send(client, c, "still not fixed");
    assertEquals(ReplyType.HANDOFF, replies.get(replies.size() - 1).type());
  }

  @Test
  void a_vote_on_a_reply_without_an_article_is_stored_but_counts_for_no_article() {
    var c = start(client);
    var noAnswer = send(client, c, "purple elephant xylophone marathon").get(0);
    assertEquals(ReplyType.NO_ANSWER, noAnswer.type());

    var receipt = rate(c, Map.of("messageId", noAnswer.id(), "vote", "down"));

    assertNull(receipt.articleId());
    assertEquals(1, repository.findByConversationIdOrderByCreatedAt(c.id()).size());
  }

  @Test
  void refuses_a_vote_without_the_conversation_token() {
    var c = start(client);
    var answer = send(client, c, "my account is locked").get(0);
    var body = Map.<String, Object>of("messageId", answer.id(), "vote", "up");

    assertEquals(
        HttpStatus.UNAUTHORIZED,
        refused(HttpRequest.POST("/api/conversations/" + c.id() + "/feedback", body)));
    assertEquals(
        HttpStatus.NOT_FOUND,
        refused(
            HttpRequest.POST("/api/conversations/" + c.id() + "/feedback", body)
                .header(AnalyticsTestApp.TOKEN, "wrong")));
  }

  @Test
  void returns_404_for_a_message_of_another_conversation_or_an_unknown_article() {
    var mine = start(client);
    var other = start(client);
    var theirs = send(client, other, "my account is locked").get(0);
    send(client, mine, "my account is locked");

    assertEquals(
        HttpStatus.NOT_FOUND, refused(vote(mine, Map.of("messageId", theirs.id(), "vote", "up"))));
    assertEquals(
        HttpStatus.NOT_FOUND,
        refused(vote(mine, Map.of("articleId", "no-such-article", "vote", "up"))));
  }

  @Test
  void returns_400_for_a_vote_naming_nothing_or_an_unknown_vote_or_reason() {
    var c = start(client);
    var answer = send(client, c, "my account is locked").get(0);

    assertEquals(HttpStatus.BAD_REQUEST, refused(vote(c, Map.of("vote", "up"))));
    assertEquals(
        HttpStatus.BAD_REQUEST,
        refused(vote(c, Map.of("messageId", answer.id(), "vote", "sideways"))));
    assertEquals(
        HttpStatus.BAD_REQUEST,
        refused(vote(c, Map.of("messageId", answer.id(), "vote", "down", "reason", "too long"))));
    assertEquals(
        HttpStatus.BAD_REQUEST,
        refused(
            vote(c, Map.of("messageId", answer.id(), "articleId", "mailbox-full", "vote", "up"))));
  }

  @Test
  void the_widget_learns_that_feedback_is_available() {
    var features = client.toBlocking().retrieve(HttpRequest.GET("/api/features"), Map.class);
    assertEquals(Boolean.TRUE, features.get("feedback"));
  }
}
