package io.tierzero.bot.flows;

import io.micronaut.context.annotation.Factory;
import io.tierzero.bot.identity.Directory;
import io.tierzero.bot.identity.DirectoryException;
import io.tierzero.bot.identity.DirectoryUser;
import io.tierzero.bot.mail.MailConfiguration;
import io.tierzero.bot.mail.MailException;
import io.tierzero.bot.mail.MailSender;
import io.tierzero.bot.mail.OutgoingMail;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity actions: find a user, verify them by emailed code, then set a password, unlock the
 * account or reset MFA. The three that change an account refuse unless the same user was verified
 * in this conversation, whatever the flow file says.
 */
@Factory
class IdentityActions {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityActions.class);

  private final Directory directory;
  private final Verification verification;
  private final MailSender mail;
  private final FlowsConfiguration config;

  IdentityActions(Directory directory, Verification verification, MailSender mail, FlowsConfiguration config) {
    this.directory = directory;
    this.verification = verification;
    this.mail = mail;
    this.config = config;
  }

  @Singleton
  FlowAction findUser() {
    return action("find_user", (conversation, p) -> find(p.get("login"))
        .map(u -> FlowAction.Outcome.ok(Map.of(
            "user", u.user(),
            "name", u.name(),
            "masked_email", u.email() == null ? "" : mask(u.email()),
            "has_email", yesNo(u.email() != null),
            "locked", yesNo(u.locked()),
            "mfa", yesNo(u.mfaEnrolled()))))
        .orElseGet(() -> FlowAction.Outcome.failed("not_found")));
  }

  @Singleton
  FlowAction sendCode() {
    return action("send_code", (conversation, p) -> {
      var user = find(p.get("user"));
      if (user.isEmpty()) return FlowAction.Outcome.failed("not_found");
      var email = user.get().email();
      if (email == null || email.isBlank()) return FlowAction.Outcome.failed("no_email");
      // Checked before a code is made, so a missing mail server spends none of the hourly codes.
      if (!mail.available()) {
        LOG.warn("No mail server configured ({}.host): verification codes cannot be sent", MailConfiguration.PREFIX);
        return FlowAction.Outcome.failed("mail_unavailable");
      }
      var code = verification.newCode(conversation, user.get().user());
      if (code.isEmpty()) return FlowAction.Outcome.failed("too_many");
      try {
        mail.send(new OutgoingMail(email, "Your IT support verification code",
            "Your verification code is " + code.get() + "\n\n"
                + "Type it in the IT support chat to continue. It expires in " + config.codeTtl().toMinutes() + " minutes.\n"
                + "If you did not ask for this, ignore this email and tell the IT Service Desk."));
      } catch (MailException e) {
        LOG.warn("Could not email a verification code: {}", e.getMessage());
        return FlowAction.Outcome.failed("mail_failed");
      }
      return FlowAction.Outcome.ok(Map.of("sent_to", mask(email)));
    });
  }

  @Singleton
  FlowAction checkCode() {
    return action("check_code", (conversation, p) -> {
      var check = verification.check(conversation, p.getOrDefault("code", ""));
      if (check.user().isPresent()) return FlowAction.Outcome.ok(Map.of("user", check.user().get()));
      return FlowAction.Outcome.failed(
          check.failure().name().toLowerCase(java.util.Locale.ROOT),
          Map.of("attempts_left", String.valueOf(check.attemptsLeft())));
    });
  }

  /**
   * Sets the password and, when the account is locked, unlocks it: a new password on a locked
   * account signs nobody in, and the emailed code that allows the one allows the other. Data
   * {@code unlocked}: {@code yes}, {@code no} (was not locked) or {@code failed} (the password is
   * changed but the account is still locked), so the flow can say which.
   */
  @Singleton
  FlowAction setPassword() {
    return verified("set_password", (user, p) -> {
      var change = directory.setPassword(user, p.getOrDefault("password", ""));
      if (!change.changed()) return FlowAction.Outcome.failed(change.reason(), Map.of("message", change.message()));
      return FlowAction.Outcome.ok(Map.of("unlocked", unlockAfterReset(user)));
    });
  }

  private String unlockAfterReset(String user) {
    try {
      var found = directory.findUser(user);
      if (found.isEmpty() || !found.get().locked()) return "no";
      return directory.unlock(user) ? "yes" : "failed";
    } catch (DirectoryException e) {
      LOG.warn("The password of {} was changed, but unlocking the account failed: {}", user, e.getMessage());
      return "failed";
    }
  }

  @Singleton
  FlowAction unlockAccount() {
    return verified("unlock_account", (user, p) ->
        directory.unlock(user) ? FlowAction.Outcome.ok(Map.of()) : FlowAction.Outcome.failed("not_found"));
  }

  @Singleton
  FlowAction resetMfa() {
    return verified("reset_mfa", (user, p) ->
        directory.resetMfa(user) ? FlowAction.Outcome.ok(Map.of()) : FlowAction.Outcome.failed("not_found"));
  }

  private Optional<DirectoryUser> find(String login) {
    return login == null ? Optional.empty() : directory.findUser(login);
  }

  private interface Body {
    FlowAction.Outcome run(String conversationId, Map<String, String> parameters);
  }

  private interface UserBody {
    FlowAction.Outcome run(String user, Map<String, String> parameters);
  }

  private FlowAction verified(String name, UserBody body) {
    return action(name, (conversation, p) -> {
      var user = p.getOrDefault("user", "");
      if (!verification.isVerified(conversation, user)) return FlowAction.Outcome.failed("not_verified");
      return body.run(user, p);
    });
  }

  /** Wraps a body so that a directory outage is a failed outcome the flow can escalate on. */
  private static FlowAction action(String name, Body body) {
    return new FlowAction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Outcome run(String conversationId, Map<String, String> parameters) {
        try {
          return body.run(conversationId, parameters);
        } catch (DirectoryException e) {
          LOG.warn("Flow action {} could not reach the directory: {}", name, e.getMessage());
          return Outcome.failed("directory_unavailable");
        }
      }
    };
  }

  /** "alice@example.com" -> "a***e@example.com": enough to recognise, not enough to harvest. */
  static String mask(String email) {
    int at = email.indexOf('@');
    if (at <= 0) return "***";
    var local = email.substring(0, at);
    var masked = local.length() <= 2 ? local.charAt(0) + "***" : local.charAt(0) + "***" + local.charAt(local.length() - 1);
    return masked + email.substring(at);
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

}
