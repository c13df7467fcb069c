package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The user asks for a person: the reply offers the ticket form (see {@link Handoffs}); the text is
 * configurable ({@code tierzero.chat.handoff-text}).
 */
@Singleton
@Order(HandlerOrder.HANDOFF)
public final class HandoffHandler implements Handler {
  /**
   * Phrases that ask for a person rather than describe a problem. Whole phrases, and narrower than
   * single words: "someone sent me a strange email" is a security question, and "human resources"
   * is for the redirect to HR.
   */
  static final Pattern ASKS_FOR_PERSON =
      Texts.anyPhrase(
          List.of(
              "a human", "human please", "real human", "human agent", "a person", "real person",
              "talk to someone", "speak to someone", "speak with someone", "talk to somebody",
              "speak to somebody", "an agent", "live agent", "support agent", "a technician",
              "raise a ticket", "open a ticket", "create a ticket", "log a ticket", "escalate",
              "contact the service desk", "call the service desk", "contact the helpdesk",
              "call the helpdesk", "contact the help desk", "call the help desk",
              "contact support"));

  private final Handoffs handoffs;

  @Inject
  public HandoffHandler(Handoffs handoffs) {
    this.handoffs = handoffs;
  }

  /** Without tickets: the configured text alone. */
  public HandoffHandler(ChatConfiguration config) {
    this(Handoffs.plain(config));
  }

  @Override
  public boolean canHandle(TurnContext context) {
    return ASKS_FOR_PERSON.matcher(context.normalized()).find();
  }

  @Override
  public List<Reply> handle(TurnContext context) {
    return List.of(handoffs.offer(context, Handoffs.Trigger.USER_REQUEST));
  }
}
