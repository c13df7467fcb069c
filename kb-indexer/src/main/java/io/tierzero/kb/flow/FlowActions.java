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
          // Emails a one-time code to the account named by username or email, saying what it is
          // for (purpose: password_reset, account_unlock, mfa_reset, ticket_lookup). The same
          // outcome for every
          // name: nothing about the account is known before the code is checked.
          "send_code", Set.of("login", "purpose"),
          // Checks the code the user typed. Data: user, name, locked, mfa. Failed data: reason
          // (wrong, expired, exhausted, busy, none).
          "check_code", Set.of("code"),
          // Sets a new password after verification. Failed data: reason, message.
          "set_password", Set.of("user", "password"),
          // Clears the lockout after verification.
          "unlock_account", Set.of("user"),
          // Removes the MFA enrolment after verification, so the next sign-in re-enrols.
          "reset_mfa", Set.of("user"),
          // Shows the tickets raised under the verified user's email address, from any
          // conversation (a ticket_status reply). Data: count. Failed data: reason (not_verified,
          // no_email, directory_unavailable).
          "list_tickets", Set.of("user"));

  private FlowActions() {}

  public static Set<String> names() {
    return PARAMETERS.keySet();
  }
}
