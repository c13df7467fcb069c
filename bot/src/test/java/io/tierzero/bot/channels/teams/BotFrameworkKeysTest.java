package io.tierzero.bot.channels.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector's keys, read over HTTP from the stand-in's OpenID metadata. */
class BotFrameworkKeysTest {
  BotFrameworkStandIn standIn;
  MovableClock clock = new MovableClock();
  BotFrameworkKeys keys;

  @BeforeEach
  void start() throws Exception {
    standIn = new BotFrameworkStandIn("app", "password", "alice@example.com");
    keys = new BotFrameworkKeys(standIn.metadataUrl(), HttpClient.newHttpClient(), clock);
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void keys_are_read_once_and_kept() {
    assertTrue(keys.key("connector-key-1").isPresent());
    clock.move(Duration.ofHours(1));
    assertTrue(keys.key("connector-key-1").isPresent());
    assertEquals(1, standIn.keySetReads());
    assertTrue(keys.key("connector-key-1").get().endorsements().contains("msteams"));
  }

  @Test
  void a_key_published_later_is_found_by_reading_the_keys_again() {
    assertTrue(keys.key("connector-key-1").isPresent());
    standIn.publish(BotFrameworkStandIn.newKey("connector-key-2"));
    clock.move(BotFrameworkKeys.MIN_REFRESH);
    assertTrue(keys.key("connector-key-2").isPresent());
    assertEquals(2, standIn.keySetReads());
  }

  @Test
  void made_up_key_ids_do_not_make_it_read_the_keys_on_every_request() {
    assertTrue(keys.key("connector-key-1").isPresent());
    for (int i = 0; i < 20; i++) assertTrue(keys.key("made-up-" + i).isEmpty());
    assertEquals(1, standIn.keySetReads());
    clock.move(BotFrameworkKeys.MIN_REFRESH);
    assertTrue(keys.key("made-up-again").isEmpty());
    assertEquals(2, standIn.keySetReads());
  }

  @Test
  void keys_older_than_a_day_are_read_again() {
    assertTrue(keys.key("connector-key-1").isPresent());
    clock.move(BotFrameworkKeys.MAX_AGE.plusSeconds(1));
    assertTrue(keys.key("connector-key-1").isPresent());
    assertEquals(2, standIn.keySetReads());
  }

  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T09:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
