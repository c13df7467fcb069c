package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How many tickets may be raised, counted in the database so the figures hold across instances.
 *
 * @param perAddressPerHour tickets one client address may raise in an hour
 * @param perRequesterPerHour tickets in one requester email's name in an hour
 */
@ConfigurationProperties(TicketLimitsConfiguration.PREFIX)
public record TicketLimitsConfiguration(
    @Bindable(defaultValue = "10") int perAddressPerHour,
    @Bindable(defaultValue = "3") int perRequesterPerHour) {
  public static final String PREFIX = "tierzero.tickets.limits";
}
