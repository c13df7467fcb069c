package io.tierzero.bot.identity;

import com.nulabinc.zxcvbn.Zxcvbn;
import io.micronaut.context.MessageSource;
import io.tierzero.bot.i18n.Messages;
import java.util.List;
import java.util.Optional;

/**
 * How guessable a new password is, by zxcvbn (dictionaries, common passwords, names, keyboard
 * walks, repeats, dates). Length alone lets {@code aaaaaaaaaaaa} through; this does not. The
 * password is only measured here, never kept or put in the reason.
 */
final class PasswordStrength {
  private static final Zxcvbn ZXCVBN = new Zxcvbn();

  private PasswordStrength() {}

  /**
   * Why the password is too weak, in words for the person typing it, or empty when its score is at
   * least {@code minScore}. {@code related} (the username) counts as easy to guess.
   */
  static Optional<String> weakness(
      MessageSource messages, String password, int minScore, String... related) {
    if (minScore <= 0) return Optional.empty();
    var strength = ZXCVBN.measure(password, List.of(related));
    if (strength.getScore() >= minScore) return Optional.empty();
    var feedback = strength.getFeedback();
    var reason = new StringBuilder(Messages.text(messages, "identity.password.too-weak"));
    var warning = feedback.getWarning(Messages.LOCALE);
    if (warning != null && !warning.isBlank()) reason.append(' ').append(sentence(warning));
    for (var suggestion : feedback.getSuggestions(Messages.LOCALE))
      reason.append(' ').append(sentence(suggestion));
    reason.append(' ').append(Messages.text(messages, "identity.password.try-another"));
    return Optional.of(reason.toString());
  }

  private static String sentence(String text) {
    var t = text.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }
}
