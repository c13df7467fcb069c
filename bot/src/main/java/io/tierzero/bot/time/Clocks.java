package io.tierzero.bot.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock every part of the bot reads the time from, so a test (or a replay) can replace it
 * with {@code @Replaces} and move time instead of rewriting timestamps in the database.
 */
@Factory
public class Clocks {
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
