package io.tierzero.bot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionsTest {
  @Test
  void a_user_message_answered_clarified_or_missed_is_a_question_and_small_talk_is_not() {
    var c =
        Rows.conversation("c1", 0)
            .asks("my account is locked", "answer", "account-locked-out")
            .asks("vpn or wifi", "clarify", "vpn", "wifi")
            .asks("zebra lasagne", "no_answer")
            .asks("thanks", "text")
            .build();

    var questions = Questions.of(List.of(c));

    assertEquals(
        List.of("my account is locked", "vpn or wifi", "zebra lasagne"),
        questions.stream().map(q -> q.text).toList());
    assertEquals(List.of(false, false, true), questions.stream().map(q -> q.abstained).toList());
  }

  @Test
  void a_wordless_message_is_no_question() {
    var c = Rows.conversation("c1", 0).asks("???", "no_answer").build();

    assertTrue(Questions.of(List.of(c)).isEmpty());
  }

  @Test
  void a_thumbs_down_marks_the_question_behind_the_reply_with_its_reason() {
    var c =
        Rows.conversation("c1", 0)
            .asks("my mailbox is full", "answer", "mailbox-full")
            .votes(1, false, "outdated")
            .build();

    var q = Questions.of(List.of(c)).get(0);

    assertTrue(q.ratedDown);
    assertTrue(q.gap());
    assertEquals(List.of("outdated"), q.reasons);
  }

  @Test
  void a_thumbs_down_on_an_article_without_a_message_marks_the_last_question_that_offered_it() {
    var c =
        Rows.conversation("c1", 0)
            .asks("mailbox full", "answer", "mailbox-full")
            .asks("outlook is slow", "answer", "outlook-slow")
            .build();
    var withVote =
        new Snapshot.Conv(
            c.id(),
            c.createdAt(),
            c.channel(),
            c.messages(),
            List.of(Rows.vote(null, "mailbox-full", false, 5)),
            null);

    var questions = Questions.of(List.of(withVote));

    assertTrue(questions.get(0).ratedDown);
    assertFalse(questions.get(1).ratedDown);
  }
}
