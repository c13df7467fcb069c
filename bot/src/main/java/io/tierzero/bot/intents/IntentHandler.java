package io.tierzero.bot.intents;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.ChatConfiguration;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Handoffs;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.TicketStatuses;
import io.tierzero.bot.chat.TurnContext;
import io.tierzero.bot.flows.FlowCatalog;
import io.tierzero.bot.flows.FlowEngine;
import io.tierzero.bot.kb.TurnDecisions;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Acts on the turn's decision when it is an intent: a person (the ticket form), the user's tickets,
 * small talk, a non-IT topic, a new conversation, or a flow. Which intent, if any, is the knowledge
 * base's decision over the intents in {@code articles/intents/} and the flows' triggers (see {@link
 * io.tierzero.kb.intent.TurnDecider}); when it is none, the knowledge-base handler answers from the
 * same decision.
 */
@Singleton
@Order(HandlerOrder.INTENT)
public final class IntentHandler implements Handler {
  private final TurnDecisions decisions;
  private final ChatConfiguration config;
  private final Handoffs handoffs;
  private final TicketStatuses tickets;
  private final FlowCatalog flows;
  private final FlowEngine engine;

  IntentHandler(
      TurnDecisions decisions,
      ChatConfiguration config,
      Handoffs handoffs,
      TicketStatuses tickets,
      FlowCatalog flows,
      FlowEngine engine) {
    this.decisions = decisions;
    this.config = config;
    this.handoffs = handoffs;
    this.tickets = tickets;
    this.flows = flows;
    this.engine = engine;
  }

  @Override
  public Optional<Answer> take(TurnContext context) {
    return intent(context).map(intent -> () -> answer(context, intent));
  }

  private List<Reply> answer(TurnContext context, Intent intent) {
    return switch (intent.action()) {
      case HANDOFF -> List.of(handoffs.offer(context, Handoffs.Trigger.USER_REQUEST));
      // Without a ticket in this chat there is nothing to note on or close here: where to find
      // them.
      case TICKET_STATUS, TICKET_NOTE, TICKET_CLOSE -> List.of(tickets.statusReply(context));
      case NEW_CONVERSATION -> List.of(Reply.newConversation(intent.reply(), intent.options()));
      // After a thumbs down, "still not working" is StillNotFixedHandler's (a person); here it is
      // not.
      case SMALLTALK, REDIRECT, STILL_NOT_FIXED ->
          List.of(Reply.text(intent.reply(), intent.options().toArray(String[]::new)));
      case FLOW -> engine.start(context.conversationId(), flows.get(intent.flow()).orElseThrow());
      // Answer words are matched as typed where the bot asks for them, never in a turn's decision.
      case YES, NO, CANCEL, BACK, START_OVER, PERSON, RAISE_TICKET ->
          throw new IllegalStateException("answer words in a turn's decision: " + intent.id());
    };
  }

  private Optional<Intent> intent(TurnContext context) {
    var decision = decisions.decide(context.text(), Math.max(2, config.maxArticles()));
    if (!decision.isIntent()) return Optional.empty();
    Intent intent = decision.intent();
    // A flow the bot does not offer (it has problems) falls through to the knowledge base.
    if (intent.action() == Intent.Action.FLOW && flows.get(intent.flow()).isEmpty())
      return Optional.empty();
    return Optional.of(intent);
  }
}
