package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.ChatConfiguration;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Handoffs;
import io.tierzero.bot.chat.TurnContext;
import io.tierzero.bot.kb.TurnDecisions;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * After the user rated an answer unhelpful ({@link Escalations#recordRating}), "still not fixed"
 * means the knowledge base has had its chance: offer a person instead of searching again. What
 * means "still not fixed" is the turn's decision: a {@code still-not-fixed} intent ({@code
 * articles/intents/}). Without the rating the intent's own reply answers (IntentHandler).
 */
@Singleton
@Order(HandlerOrder.STILL_NOT_FIXED)
final class StillNotFixedHandler implements Handler {
  private final Escalations escalations;
  private final TurnDecisions decisions;
  private final ChatConfiguration config;

  StillNotFixedHandler(Escalations escalations, TurnDecisions decisions, ChatConfiguration config) {
    this.escalations = escalations;
    this.decisions = decisions;
    this.config = config;
  }

  @Override
  public Optional<Answer> take(TurnContext context) {
    // The decision first: the turn makes it anyway (it is reused), the rating costs a read, which
    // the answer then reuses.
    var decision = decisions.decide(context.text(), Math.max(2, config.maxArticles()));
    if (!decision.isIntent() || decision.intent().action() != Intent.Action.STILL_NOT_FIXED)
      return Optional.empty();
    var escalation = escalations.find(context.conversationId());
    if (escalation.filter(Escalation::negativelyRated).isEmpty()) return Optional.empty();
    return Optional.of(
        () -> List.of(escalations.offer(context, Handoffs.Trigger.NEGATIVE_RATING, escalation)));
  }
}
