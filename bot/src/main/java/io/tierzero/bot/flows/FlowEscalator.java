package io.tierzero.bot.flows;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.bot.chat.FlowHandoff;
import io.tierzero.bot.chat.Reply;
import io.tierzero.kb.flow.Flow;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a run to a person: what the flow learnt (non-secret answers, actions, what was tried) goes
 * to the {@link FlowHandoff}, which decides what a handoff is (a ticket form, or a plain text).
 */
@Singleton
final class FlowEscalator {
  private static final Logger LOG = LoggerFactory.getLogger(FlowEscalator.class);

  private final FlowHandoff handoff;

  FlowEscalator(FlowHandoff handoff) {
    this.handoff = handoff;
  }

  /**
   * Ends {@code run} as escalated at {@code stepId} and returns the handoff's replies; {@code
   * category} and {@code priority} fall back to the flow's own when null.
   */
  List<Reply> escalate(
      String conversationId,
      Flow flow,
      FlowRun run,
      String stepId,
      @Nullable String category,
      @Nullable String priority,
      @Nullable String reason) {
    var answers = new LinkedHashMap<String, String>();
    for (var id : run.answered) {
      var value = run.values.get(id);
      if (value != null) answers.put(id, value);
    }
    var escalation =
        new FlowEscalation(
            conversationId,
            flow.id(),
            flow.title(),
            stepId,
            category != null ? category : flow.escalation().category(),
            priority != null ? priority : flow.escalation().priority(),
            reason,
            new FlowEscalation.Context(answers, run.actions, run.tried));
    run.outcome = FlowProgress.ESCALATED;
    LOG.info("Flow {} escalated in conversation {} at step {}", flow.id(), conversationId, stepId);
    // Nothing is stored here: the handoff keeps what the flow knew for the person taking over.
    return handoff.handOff(escalation);
  }
}
