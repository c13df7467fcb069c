package io.tierzero.bot.security;

/** Roles an authenticated person can have. */
public final class Roles {
  /** A Tier 1 agent: reads and updates tickets, uses the console. */
  public static final String AGENT = "agent";

  private Roles() {}
}
