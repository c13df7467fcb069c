package io.tierzero.bot.flows;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The flows' own words, {@code i18n/flows*.properties}: what the engine says between steps. */
@Factory
class FlowsMessages {
  @Singleton
  MessageSource flowsMessages() {
    return new ResourceBundleMessageSource("i18n.flows");
  }
}
