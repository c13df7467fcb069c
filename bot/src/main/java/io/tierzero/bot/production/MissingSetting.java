package io.tierzero.bot.production;

/**
 * One setting a production start needs and does not have.
 *
 * @param what what is missing, in an operator's words ("console signing secret")
 * @param fix how to set it: the environment variable or property, and what it must hold
 */
public record MissingSetting(String what, String fix) {
  @Override
  public String toString() {
    return what + ": " + fix;
  }
}
