package io.tierzero.bot.chat;

/**
 * Quick replies shared between handlers. Each is also text that the handler meant to catch it
 * recognises when typed, so the widget only ever sends text.
 */
public final class Options {
  public static final String THAT_WORKED = "That worked";
  public static final String TALK_TO_PERSON = "Talk to a person";
  public static final String REPHRASE = "Let me rephrase";
  public static final String SOMETHING_ELSE = "Something else";

  /**
   * Starting over: the widget acts on this option itself (an empty conversation, the old one kept)
   * instead of sending it, so a reply offering it is how the bot asks for a fresh start.
   */
  public static final String NEW_CONVERSATION = "Start a new conversation";

  private Options() {}
}
