package io.tierzero.bot.flows;

import java.util.Optional;

/**
 * Who the user of a conversation is when a chat platform says so (a Slack user's email address). A
 * flow's {@value #LOGIN_STEP} question ("what is your username or work email address?") is then
 * answered with it instead of being asked; the code emailed to that address still proves it is them
 * before anything changes, exactly as when the user types the name.
 */
public interface KnownLogins {
  /** The id of the question every identity flow asks the user's login with. */
  String LOGIN_STEP = "login";

  /** The login the platform vouches for; empty in the widget, or when the platform gave none. */
  Optional<String> login(String conversationId);
}
