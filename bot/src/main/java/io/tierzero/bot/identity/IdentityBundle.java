package io.tierzero.bot.identity;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** What the directory tells the user about a password, in {@code i18n/identity.properties}. */
@Factory
final class IdentityBundle {
  @Singleton
  MessageSource identityMessages() {
    return new ResourceBundleMessageSource("i18n.identity");
  }
}
