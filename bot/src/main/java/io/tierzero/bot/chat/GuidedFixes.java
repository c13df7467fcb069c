package io.tierzero.bot.chat;

/**
 * Which guided fixes this bot offers, for a feature that points the user to one by name (tickets
 * offer "Find my tickets by email" only where the {@code my-tickets} flow runs). The flows package
 * implements it, so the feature need not import flows.
 */
@FunctionalInterface
public interface GuidedFixes {
  /**
   * Whether the flow {@code flowId} is loaded and can be started (it may be left out or broken).
   */
  boolean offers(String flowId);
}
