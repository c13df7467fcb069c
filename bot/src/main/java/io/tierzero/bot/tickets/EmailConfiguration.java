package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The email sink, {@code tierzero.tickets.email.*}: on when {@code to} is set.
 *
 * @param to the helpdesk's address that turns mail into tickets
 * @param startTls require STARTTLS before sending credentials (leave on outside tests)
 */
@ConfigurationProperties(EmailConfiguration.PREFIX)
public record EmailConfiguration(
    String to,
    @Bindable(defaultValue = "tierzero@localhost") String from,
    @Bindable(defaultValue = "localhost") String host,
    @Bindable(defaultValue = "25") int port,
    @Nullable String username,
    @Nullable String password,
    @Bindable(defaultValue = "false") boolean startTls,
    @Bindable(defaultValue = "20s") Duration timeout) {
  public static final String PREFIX = "tierzero.tickets.email";
}
