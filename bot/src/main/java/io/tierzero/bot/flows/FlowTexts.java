package io.tierzero.bot.flows;

import io.micronaut.context.MessageSource;
import io.tierzero.bot.i18n.Messages;
import jakarta.inject.Singleton;

/** The flows' texts from the message bundles, in the one language the bot speaks so far. */
@Singleton
final class FlowTexts {
  private final MessageSource messages;

  FlowTexts(MessageSource messages) {
    this.messages = messages;
  }

  /** The text of {@code key} with {@code {0}}, {@code {1}}... filled from {@code arguments}. */
  String get(String key, Object... arguments) {
    return Messages.text(messages, key, arguments);
  }
}
