package io.tierzero.bot.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Time comes from the one clock bean: replaced, the bot lives at the replacement's time. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplacedClockTest implements TestPropertyProvider {
  static final Instant THEN = Instant.parse("2031-05-04T03:02:01Z");

  @Inject
  @Client("/")
  HttpClient client;

  @Inject DataSource dataSource;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put("test.fixed-clock", "true");
    return properties;
  }

  @Test
  void a_conversation_and_its_messages_are_stamped_with_the_clocks_time() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> started =
        client.toBlocking().retrieve(HttpRequest.POST("/api/conversations", ""), Map.class);
    var id = (String) started.get("id");
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST("/api/conversations/" + id + "/messages", Map.of("text", "hello"))
                .header("X-Conversation-Token", (String) started.get("token")),
            String.class);

    DataSource pool = dataSource;
    while (pool instanceof DelegatingDataSource delegating) pool = delegating.getTargetDataSource();
    try (var connection = pool.getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select c.created_at, max(m.created_at) from conversation c join chat_message m"
                        + " on m.conversation_id = c.id where c.id = '"
                        + id
                        + "' group by c.created_at")) {
      rows.next();
      assertEquals(THEN, rows.getTimestamp(1).toInstant());
      assertEquals(THEN, rows.getTimestamp(2).toInstant());
    }
  }

  @Factory
  @Requires(property = "test.fixed-clock", value = "true")
  static class FixedClock {
    @Singleton
    @Replaces(bean = Clock.class, factory = Clocks.class)
    Clock fixed() {
      return Clock.fixed(THEN, ZoneOffset.UTC);
    }
  }
}
