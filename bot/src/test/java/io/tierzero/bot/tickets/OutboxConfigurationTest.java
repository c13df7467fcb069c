package io.tierzero.bot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxConfigurationTest {
  @Test
  void back_off_doubles_from_the_initial_wait_up_to_the_maximum() {
    var config =
        new OutboxConfiguration(
            Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(2), 20);
    assertEquals(Duration.ofSeconds(5), config.backoff(1));
    assertEquals(Duration.ofSeconds(10), config.backoff(2));
    assertEquals(Duration.ofSeconds(40), config.backoff(4));
    assertEquals(Duration.ofMinutes(1), config.backoff(5));
    assertEquals(Duration.ofMinutes(1), config.backoff(1_000));
  }
}
