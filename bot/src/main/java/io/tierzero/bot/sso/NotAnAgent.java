package io.tierzero.bot.sso;

import io.micronaut.security.authentication.AuthenticationFailed;

/**
 * A single sign-on refused because the person the provider signed in is not in the agent group: the
 * console's sign-in handler sends them to a page that says so.
 */
public final class NotAnAgent extends AuthenticationFailed {
  NotAnAgent(String message) {
    super(message);
  }
}
