package io.tierzero.bot.flows;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;

/** The flows' texts from the message bundles, in the one language the bot speaks so far. */
@Singleton
final class FlowTexts {
  /** No conversation has a language yet: every flow speaks this one. */
  static final Locale LOCALE = Locale.ENGLISH;

  private final MessageSource messages;

  FlowTexts(MessageSource messages) {
    this.messages = messages;
  }

  /** The text of {@code key} with {@code {0}}, {@code {1}}... filled from {@code arguments}. */
  String get(String key, Object... arguments) {
    var variables = new HashMap<String, Object>();
    for (int i = 0; i < arguments.length; i++) variables.put(String.valueOf(i), arguments[i]);
    return messages.getRequiredMessage(key, MessageSource.MessageContext.of(LOCALE, variables));
  }
}
