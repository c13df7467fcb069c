package io.tierzero.bot.chat;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The chat's own replies, in {@code i18n/chat.properties}. */
@Factory
final class ChatBundle {
  @Singleton
  MessageSource chatMessages() {
    return new ResourceBundleMessageSource("i18n.chat");
  }
}
