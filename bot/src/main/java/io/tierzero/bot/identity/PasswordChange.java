package io.tierzero.bot.identity;

/**
 * The result of setting a password.
 *
 * @param reason empty when changed; otherwise {@code too_short}, {@code too_weak}, {@code
 *     same_as_current}, {@code contains_username}, {@code rejected} (by the directory's own policy)
 *     or {@code no_such_user}
 * @param message what to tell the user, without the password
 */
public record PasswordChange(boolean changed, String reason, String message) {
  public static PasswordChange done(String message) {
    return new PasswordChange(true, "", message);
  }

  public static PasswordChange refused(String reason, String message) {
    return new PasswordChange(false, reason, message);
  }
}
