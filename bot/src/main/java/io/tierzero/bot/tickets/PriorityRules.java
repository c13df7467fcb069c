package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.chat.Texts;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sets a ticket's priority the way tiered support triages: security or data risk first (P1, act
 * now: a phished password or a lost laptop gets worse by the minute), then how many people are
 * affected (P2), then whether the person is blocked from working (P3), otherwise P4. The most
 * urgent of these rules and the flow's own priority wins, and the reason names what decided it.
 */
public final class PriorityRules {
  static final Pattern SECURITY_RISK =
      Texts.anyPhrase(
          List.of(
              "phishing", "phish", "phishy", "suspicious email", "suspicious link", "suspicious message",
              "scam email", "clicked a link", "clicked the link", "clicked on a link", "clicked on the link",
              "opened an attachment", "opened the attachment", "hacked", "compromised",
              "someone else logged in", "someone logged into my account", "someone is using my account",
              "not me who", "unauthorised", "unauthorized", "stolen", "was stolen", "lost my laptop",
              "lost my phone", "lost my work phone", "lost my device", "lost laptop", "lost phone",
              "lost device", "left my laptop", "ransomware", "malware", "virus", "data breach",
              "data leak", "leaked", "sent to the wrong person", "wrong recipient", "gave my password",
              "shared my password"));

  static final Pattern MANY_AFFECTED =
      Texts.anyPhrase(
          List.of(
              "everyone", "everybody", "whole team", "entire team", "whole office", "entire office",
              "whole department", "entire department", "whole company", "many users", "many people",
              "lots of people", "several people", "several users", "all users", "all of us",
              "none of us", "nobody can", "no one can", "nobody in", "no one in", "outage", "is down", "are down", "system down",
              "service down", "site down", "down for everyone"));

  static final Pattern BLOCKED =
      Texts.anyPhrase(
          List.of(
              "can't work", "cannot work", "can not work", "unable to work", "can't do my job",
              "cannot do my job", "can't do any work", "can't get any work done", "blocked",
              "stopping me from working", "stops me working", "stopping me working", "can't log in",
              "cannot log in", "can't sign in", "cannot sign in", "unable to log in",
              "unable to sign in", "locked out", "can't access anything", "urgent deadline"));

  /** A priority and why. */
  public record Decision(Priority priority, String reason) {}

  private PriorityRules() {}

  /**
   * Decides from what the user wrote and, when a flow escalated, the flow's own priority and
   * reason (a flow knows, say, that a reported phishing email is a P1 whatever words were used).
   */
  public static Decision decide(
      List<String> userTexts, @Nullable Priority flowPriority, @Nullable String flowReason) {
    var text = Texts.normalize(String.join(" \n ", userTexts));
    Decision byRules = byRules(text);
    if (flowPriority != null && flowPriority.ordinal() < byRules.priority().ordinal()) {
      var why = flowReason == null || flowReason.isBlank() ? "set by the flow" : flowReason.strip();
      return new Decision(flowPriority, "The flow escalated as " + flowPriority + ": " + why);
    }
    return byRules;
  }

  private static Decision byRules(String text) {
    var security = phrase(SECURITY_RISK, text);
    if (security.isPresent()) {
      return new Decision(Priority.P1, "Security or data risk: the user mentioned \"" + security.get() + "\"");
    }
    var many = phrase(MANY_AFFECTED, text);
    if (many.isPresent()) {
      return new Decision(Priority.P2, "Many people affected or an outage: the user mentioned \"" + many.get() + "\"");
    }
    var blocked = phrase(BLOCKED, text);
    if (blocked.isPresent()) {
      return new Decision(Priority.P3, "Blocked from working: the user mentioned \"" + blocked.get() + "\"");
    }
    return new Decision(
        Priority.P4, "No sign of a security risk, many people affected, or being blocked from working");
  }

  private static Optional<String> phrase(Pattern pattern, String normalized) {
    var m = pattern.matcher(normalized);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
