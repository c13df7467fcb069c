package io.tierzero.bot.tickets;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The tickets' words, {@code i18n/tickets*.properties}: what users and agents read of a ticket. */
@Factory
class TicketsMessages {
  @Singleton
  MessageSource ticketsMessages() {
    return new ResourceBundleMessageSource("i18n.tickets");
  }
}
