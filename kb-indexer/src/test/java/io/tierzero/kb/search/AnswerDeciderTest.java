package io.tierzero.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierzero.kb.index.Synonyms;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerDeciderTest {
  private static final AnswerDecider DECIDER =
      new AnswerDecider(Ranking.defaults(), Synonyms.none());
  private static final double GAP = Ranking.defaults().clarifyGap();

  @Test
  void abstains_without_candidates_or_below_the_threshold() {
    assertEquals(Decision.ABSTAIN, DECIDER.decide(List.of(), 0.5));
    assertEquals(Decision.ABSTAIN, DECIDER.decide(List.of(0.49, 0.1), 0.5));
  }

  @Test
  void asks_which_one_when_the_first_two_are_both_above_the_threshold_and_close() {
    assertEquals(Decision.CLARIFY, DECIDER.decide(List.of(0.8, 0.8 - GAP / 2), 0.5));
  }

  @Test
  void answers_when_the_runner_up_is_below_the_threshold_or_far_enough_behind() {
    assertEquals(Decision.ANSWER, DECIDER.decide(List.of(0.8), 0.5));
    assertEquals(Decision.ANSWER, DECIDER.decide(List.of(0.55, 0.49), 0.5));
    assertEquals(Decision.ANSWER, DECIDER.decide(List.of(0.9, 0.9 - 1.5 * GAP), 0.5));
  }

  @Test
  void no_candidates_means_no_evidence() throws Exception {
    var judged = DECIDER.judge(null, List.of(), new Question("", "", List.of()), Mode.HYBRID);

    assertEquals(List.of(), judged.confidences());
    assertNull(judged.first());
    assertEquals(Decision.ABSTAIN, judged.decision());
  }
}
