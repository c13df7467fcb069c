package io.tierzero.kb.flow;

import java.util.Map;
import java.util.Set;

/**
 * The actions a flow may name, with the parameters each takes. The bot implements every one; the
 * validator rejects any other name, so a typo fails in review, not in front of a user.
 */
public final class FlowActions {
  /** Action name to its parameter names. */
  public static final Map<String, Set<String>> PARAMETERS =
      Map.of(
          // Looks a user up by username or email. Data: user, name, masked_email, locked, mfa.
          "find_user", Set.of("login"),
          // Emails a one-time code to the address on file. Data: sent_to (masked).
          "send_code", Set.of("user"),
          // Checks the code the user typed. Failed data: reason (wrong, expired, exhausted, none).
          "check_code", Set.of("code"),
          // Sets a new password after verification. Failed data: reason, message.
          "set_password", Set.of("user", "password"),
          // Clears the lockout after verification.
          "unlock_account", Set.of("user"),
          // Removes the MFA enrolment after verification, so the next sign-in re-enrols.
          "reset_mfa", Set.of("user"));

  private FlowActions() {}

  public static Set<String> names() {
    return PARAMETERS.keySet();
  }
}
