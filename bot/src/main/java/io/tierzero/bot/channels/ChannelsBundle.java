package io.tierzero.bot.channels;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** What the channels say besides the chat's replies, in {@code i18n/channels.properties}. */
@Factory
final class ChannelsBundle {
  @Singleton
  MessageSource channelsMessages() {
    return new ResourceBundleMessageSource("i18n.channels");
  }
}
