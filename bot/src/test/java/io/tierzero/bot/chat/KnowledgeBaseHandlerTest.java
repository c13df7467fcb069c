package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.tierzero.bot.kb.ArticleHtml;
import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.SearchHit;
import io.tierzero.kb.search.SearchResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseHandlerTest {
  private static final ChatConfiguration CONFIG =
      new ChatConfiguration(ChatConfiguration.DEFAULT_HANDOFF_TEXT, 2, 3, 0.6);
  private static final MessageSource MESSAGES = new ResourceBundleMessageSource("i18n.chat");

  private static final SearchHit LOCKED =
      new SearchHit(
          "account-locked-out",
          "Account locked out",
          "your account is <mark>locked</mark>",
          9,
          0.9,
          "accounts",
          null);
  private static final SearchHit RESET =
      new SearchHit(
          "reset-forgotten-password",
          "Reset a forgotten password",
          "reset",
          8,
          0.7,
          "accounts",
          null);
  private static final SearchHit WEAK =
      new SearchHit("mailbox-full", "Mailbox full", "full", 2, 0.2, "email", null);

  private static KnowledgeBaseHandler handler(Decision decision, SearchHit... hits) {
    return new KnowledgeBaseHandler(
        (question, limit) ->
            new SearchResult(
                question, decision, hits.length == 0 ? 0 : hits[0].confidence(), List.of(hits)),
        new ArticleHtml(),
        CONFIG,
        MESSAGES);
  }

  private static TurnContext question(int noAnswerStreak) {
    return TurnContext.of("c1", "I'm locked out", noAnswerStreak, null);
  }

  @Test
  void a_confident_answer_shows_the_best_article_and_confident_others_but_not_weak_ones() {
    var replies = handler(Decision.ANSWER, LOCKED, RESET, WEAK).handle(question(0));

    assertEquals(1, replies.size());
    var answer = replies.get(0);
    assertEquals(ReplyType.ANSWER, answer.type());
    assertEquals(
        List.of("account-locked-out", "reset-forgotten-password"),
        answer.articles().stream().map(ArticleLink::id).toList());
    assertEquals("/kb/account-locked-out", answer.articles().get(0).url());
    assertEquals("your account is <mark>locked</mark>", answer.articles().get(0).snippet());
  }

  @Test
  void two_close_candidates_give_a_clarifying_choice_with_their_titles_as_options() {
    var reply = handler(Decision.CLARIFY, LOCKED, RESET).handle(question(0)).get(0);

    assertEquals(ReplyType.CLARIFY, reply.type());
    assertEquals(2, reply.articles().size());
    assertEquals(
        List.of("Account locked out", "Reset a forgotten password", Options.SOMETHING_ELSE),
        reply.options());
  }

  @Test
  void no_confident_answer_offers_to_rephrase_or_reach_a_person() {
    var replies = handler(Decision.ABSTAIN, WEAK).handle(question(0));

    assertEquals(1, replies.size());
    assertEquals(ReplyType.NO_ANSWER, replies.get(0).type());
    assertTrue(replies.get(0).articles().isEmpty(), "never shows the least-bad article");
    assertEquals(List.of(Options.REPHRASE, Options.TALK_TO_PERSON), replies.get(0).options());
  }

  @Test
  void the_second_no_answer_in_a_row_adds_a_handoff() {
    var replies = handler(Decision.ABSTAIN).handle(question(1));

    assertEquals(
        List.of(ReplyType.NO_ANSWER, ReplyType.HANDOFF),
        replies.stream().map(Reply::type).toList());
  }

  @Test
  void an_answer_card_carries_the_guided_fix_and_category_its_article_offers() {
    var offering =
        new SearchHit(
            LOCKED.id(),
            LOCKED.title(),
            LOCKED.snippet(),
            LOCKED.score(),
            LOCKED.confidence(),
            "accounts",
            "account-unlock");

    var reply = handler(Decision.ANSWER, offering).handle(question(0)).get(0);

    assertEquals("account-unlock", reply.articles().get(0).flow());
    assertEquals("accounts", reply.articles().get(0).category());
  }
}
