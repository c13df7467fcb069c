package io.tierzero.kb.intent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.SearchResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnDeciderTest {
  private static final DecisionModel MODEL = DecisionModel.defaults();
  private static final SearchResult ABSTAINS =
      new SearchResult("q", Decision.ABSTAIN, 0.1, List.of());

  private static Intent intent(Intent.Action action) {
    return new Intent(
        "x",
        action,
        action.needsReply() ? "hi" : null,
        List.of(),
        action == Intent.Action.FLOW ? "account-unlock" : null,
        List.of("x"),
        null,
        1);
  }

  @Test
  void a_flow_starts_only_when_its_own_example_is_the_nearest_of_all() {
    var flow = intent(Intent.Action.FLOW);
    // Confident on shared words, but another behaviour's example is nearer by meaning.
    var nearerElsewhere = new IntentEvidence(flow, "i'm locked out", 0.6, -0.04, 1.0);
    var nearest = new IntentEvidence(flow, "i'm locked out", 0.6, 0.04, 1.0);
    assertTrue(MODEL.confidence(nearerElsewhere) >= MODEL.threshold(flow));

    assertFalse(TurnDecider.takes(MODEL, nearerElsewhere, ABSTAINS, id -> null));
    assertTrue(TurnDecider.takes(MODEL, nearest, ABSTAINS, id -> null));
  }

  @Test
  void other_intents_may_win_on_words_with_a_negative_margin() {
    var handoff = intent(Intent.Action.HANDOFF);
    var evidence =
        new IntentEvidence(handoff, "is there anyone from it i can talk to", 0.6, -0.04, 1.0);

    assertTrue(TurnDecider.takes(MODEL, evidence, ABSTAINS, id -> null));
  }
}
