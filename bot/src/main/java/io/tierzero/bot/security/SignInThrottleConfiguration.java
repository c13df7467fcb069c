package io.tierzero.bot.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How failed agent sign-ins slow down guessing. After {@code accountFailures} wrong passwords for
 * one account, or {@code addressFailures} from one client address, further sign-ins there are
 * refused unchecked for {@code lockout}, doubling with each further lockout up to {@code
 * maxLockout}. A success clears the account's count. Counts live in one instance's memory.
 *
 * @param maxEntries accounts and addresses tracked before the least recently seen are forgotten
 */
@ConfigurationProperties(SignInThrottleConfiguration.PREFIX)
public record SignInThrottleConfiguration(
    @Bindable(defaultValue = "5") int accountFailures,
    @Bindable(defaultValue = "20") int addressFailures,
    @Bindable(defaultValue = "5m") Duration lockout,
    @Bindable(defaultValue = "1h") Duration maxLockout,
    @Bindable(defaultValue = "100000") int maxEntries) {
  public static final String PREFIX = "tierzero.security.sign-in";

  public SignInThrottleConfiguration {
    if (accountFailures < 1 || addressFailures < 1 || maxEntries < 1)
      throw new IllegalArgumentException(PREFIX + ": counts must be at least 1");
  }
}
