package io.tierzero.bot.flows;

import io.micronaut.context.annotation.Factory;
import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.identity.CodeConfiguration;
import io.tierzero.bot.identity.Directory;
import io.tierzero.bot.identity.DirectoryException;
import io.tierzero.bot.identity.DirectoryUser;
import io.tierzero.bot.identity.Verification;
import io.tierzero.bot.mail.MailConfiguration;
import io.tierzero.bot.mail.MailOutbox;
import io.tierzero.bot.mail.OutgoingMail;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity actions: email a code to the account a user names, check it, then set a password,
 * unlock the account or reset MFA. The three that change an account refuse unless the same user was
 * verified in this conversation, whatever the flow file says.
 */
@Factory
class IdentityActions {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityActions.class);

  private final Directory directory;
  private final Verification verification;
  private final MailOutbox mail;
  private final FlowsConfiguration config;
  private final CodeConfiguration codes;
  private final FlowTexts texts;

  IdentityActions(
      Directory directory,
      Verification verification,
      MailOutbox mail,
      FlowsConfiguration config,
      CodeConfiguration codes,
      FlowTexts texts) {
    this.texts = texts;
    this.directory = directory;
    this.verification = verification;
    this.mail = mail;
    this.config = config;
    this.codes = codes;
  }

  /**
   * Emails a code to the account named by {@code login}, if there is one with an email and codes
   * left. Every name gets the same outcome and the conversation then waits for a code the same way
   * (an unknown name gets a code nobody is sent, which fails like a wrong one), so nothing about
   * the account shows before the code is verified. Only what holds for every name fails: the
   * directory or the mail server being unavailable.
   */
  @Singleton
  FlowAction sendCode() {
    return action(
        "send_code",
        (conversation, p) -> {
          // Checked before a code is made, so a missing mail server spends none of the hourly
          // codes.
          if (!mail.available()) {
            LOG.warn(
                "No mail server configured ({}.host): verification codes cannot be sent",
                MailConfiguration.PREFIX);
            return FlowAction.Outcome.failed("mail_unavailable");
          }
          var user = find(p.get("login"));
          var email = user.map(DirectoryUser::email).filter(e -> !e.isBlank());
          var code =
              email.isPresent()
                  ? verification.newCode(conversation, user.get().user())
                  : Optional.<String>empty();
          if (code.isEmpty()) {
            LOG.info(
                "No code emailed in conversation {}: {}",
                conversation,
                user.isEmpty()
                    ? "no such account"
                    : email.isEmpty() ? "no email on file" : "codes per hour used up");
            verification.newUnmatchable(conversation);
            return FlowAction.Outcome.ok(Map.of());
          }
          // Sent after the reply (MailOutbox): talking to the mail server here would make the reply
          // for a real account slower than for an unknown name, and the time would tell which it
          // is.
          mail.send(
              codeMail(email.get(), code.get(), user.get().user(), p.getOrDefault("purpose", "")));
          return FlowAction.Outcome.ok(Map.of());
        });
  }

  OutgoingMail codeMail(String to, String code, String user, String purpose) {
    // What the code lets its holder do, so the owner of a mailbox can tell an unexpected one.
    var does =
        texts.get(
            switch (purpose) {
              case "password_reset" -> "flows.code-mail.purpose.password-reset";
              case "account_unlock" -> "flows.code-mail.purpose.account-unlock";
              case "mfa_reset" -> "flows.code-mail.purpose.mfa-reset";
              case "ticket_lookup" -> "flows.code-mail.purpose.ticket-lookup";
              default -> "flows.code-mail.purpose.other";
            });
    return new OutgoingMail(
        to,
        texts.get("flows.code-mail.subject"),
        texts.get(
            "flows.code-mail.body",
            code,
            does,
            user,
            String.valueOf(codes.codeTtl().toMinutes()),
            config.reportTo()));
  }

  /**
   * Checks the typed code; only once it is right does the flow learn about the account. Data:
   * {@code user}, {@code name}, {@code locked}, {@code mfa}.
   */
  @Singleton
  FlowAction checkCode() {
    return action(
        "check_code",
        (conversation, p) -> {
          var check = verification.check(conversation, p.getOrDefault("code", ""));
          if (check.user().isPresent()) {
            var username = check.user().get();
            var data = new HashMap<String, String>();
            data.put("user", username);
            directory
                .findUser(username)
                .ifPresent(
                    u -> {
                      data.put("name", u.name() == null ? "" : u.name());
                      data.put("locked", yesNo(u.locked()));
                      data.put("mfa", yesNo(u.mfaEnrolled()));
                    });
            return FlowAction.Outcome.ok(data);
          }
          return FlowAction.Outcome.failed(
              check.failure().name().toLowerCase(Locale.ROOT),
              Map.of("attempts_left", String.valueOf(check.attemptsLeft())));
        });
  }

  /**
   * Sets the password and, when the account is locked, unlocks it: a new password on a locked
   * account signs nobody in, and the emailed code that allows the one allows the other. Data {@code
   * unlocked}: {@code yes}, {@code no} (was not locked) or {@code failed} (the password is changed
   * but the account is still locked), so the flow can say which.
   */
  @Singleton
  FlowAction setPassword() {
    return verified(
        "set_password",
        (user, p) -> {
          var change = directory.setPassword(user, p.getOrDefault("password", ""));
          if (!change.changed())
            return FlowAction.Outcome.failed(change.reason(), Map.of("message", change.message()));
          return FlowAction.Outcome.ok(Map.of("unlocked", unlockAfterReset(user)));
        });
  }

  private String unlockAfterReset(String user) {
    try {
      var found = directory.findUser(user);
      if (found.isEmpty() || !found.get().locked()) return "no";
      return directory.unlock(user) ? "yes" : "failed";
    } catch (DirectoryException e) {
      LOG.warn(
          "The password of {} was changed, but unlocking the account failed: {}",
          user,
          e.getMessage());
      return "failed";
    }
  }

  @Singleton
  FlowAction unlockAccount() {
    return verified(
        "unlock_account",
        (user, p) ->
            directory.unlock(user)
                ? FlowAction.Outcome.ok(Map.of())
                : FlowAction.Outcome.failed("not_found"));
  }

  @Singleton
  FlowAction resetMfa() {
    return verified(
        "reset_mfa",
        (user, p) ->
            directory.resetMfa(user)
                ? FlowAction.Outcome.ok(Map.of())
                : FlowAction.Outcome.failed("not_found"));
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
    return action(
        name,
        (conversation, p) -> {
          var user = p.getOrDefault("user", "");
          if (!verification.isVerified(conversation, user))
            return FlowAction.Outcome.failed("not_verified");
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

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
