package io.tierzero.bot.kb;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The knowledge-base pages' own words, in {@code i18n/kb.properties}. */
@Factory
final class KbBundle {
  @Singleton
  MessageSource kbMessages() {
    return new ResourceBundleMessageSource("i18n.kb");
  }
}
