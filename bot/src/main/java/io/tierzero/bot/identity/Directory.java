package io.tierzero.bot.identity;

import java.util.Optional;

/**
 * The identity directory the bot's actions work on: LDAP or Active Directory in production, an
 * in-memory LDAP server seeded with demo users by default. Every method may throw {@link
 * DirectoryException} when the directory cannot be reached.
 */
public interface Directory {
  /** The user whose username or email is {@code login} (ignoring case); empty when none. */
  Optional<DirectoryUser> findUser(String login);

  /** Whether {@code password} is the user's current password (a real bind as the user). */
  boolean verifyPassword(String user, String password);

  /**
   * Sets a new password after checking the policy (length, not the current password, not the
   * username). The password is never logged or kept.
   */
  PasswordChange setPassword(String user, String newPassword);

  /** Clears the lockout; true when the user exists (whether or not they were locked). */
  boolean unlock(String user);

  /** Removes the MFA enrolment so the next sign-in enrols again; true when the user exists. */
  boolean resetMfa(String user);
}
