package io.tierzero.bot.chat;

/**
 * The order handlers are asked in (lower first). Gaps leave room: scripted flows will slot in as a
 * running flow before everything else and flow triggers just before the knowledge base.
 */
public final class HandlerOrder {
  /** A ticket was raised in this conversation: the bot only says where the ticket is. */
  public static final int TICKET_RAISED = 50;

  /** Reserved: a scripted flow the user is in the middle of. */
  public static final int RUNNING_FLOW = 100;

  /** The user picks one of the articles a clarifying question offered. */
  public static final int CLARIFY_CHOICE = 200;

  /** An article's "Fix it for me" button: "start flow <id>". */
  public static final int FLOW_TRIGGER = 250;

  /** After an answer was rated unhelpful, "still not fixed" offers a person. */
  public static final int STILL_NOT_FIXED = 350;

  /**
   * The turn's decision is an intent (articles/intents, flows' triggers): a person, the user's
   * tickets, small talk, a non-IT topic, a new conversation, a flow.
   */
  public static final int INTENT = 400;

  /** Everything else is a question for the knowledge base. */
  public static final int KNOWLEDGE_BASE = 1000;

  private HandlerOrder() {}
}
