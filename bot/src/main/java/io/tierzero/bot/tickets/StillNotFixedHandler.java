package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Handoffs;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.chat.TurnContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;

/**
 * After the user rated an answer unhelpful ({@link Escalations#recordRating}), "still not fixed"
 * means the knowledge base has had its chance: offer a person instead of searching again. Without
 * the rating the same words go to the knowledge base as usual.
 */
@Singleton
@Order(HandlerOrder.STILL_NOT_FIXED)
final class StillNotFixedHandler implements Handler {
  static final Pattern STILL_NOT_FIXED =
      Texts.anyPhrase(
          List.of(
              "still not fixed", "not fixed", "still not working", "still doesn't work", "still does not work",
              "still broken", "still the same", "still having the problem", "still have the problem",
              "still having this problem", "still have this problem", "still happening", "didn't work",
              "did not work", "doesn't work", "didn't help", "did not help", "didn't fix", "did not fix",
              "no luck", "same problem", "same issue"));

  private final Escalations escalations;

  StillNotFixedHandler(Escalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public boolean canHandle(TurnContext context) {
    // The phrase first: it is free, the rating costs a read.
    return STILL_NOT_FIXED.matcher(context.normalized()).find()
        && escalations.hasNegativeRating(context.conversationId());
  }

  @Override
  public List<Reply> handle(TurnContext context) {
    return List.of(escalations.offer(context, Handoffs.Trigger.NEGATIVE_RATING));
  }
}
