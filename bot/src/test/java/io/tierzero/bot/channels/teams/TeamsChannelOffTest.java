package io.tierzero.bot.channels.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Without a Teams app id the channel is off: its endpoint is not there, even with a well-signed
 * token.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsChannelOffTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = new java.util.HashMap<>(TestApp.properties());
    // A password alone does not turn the channel on.
    properties.put("tierzero.channels.teams.app-password", TeamsChannelBase.APP_PASSWORD);
    return properties;
  }

  @Test
  void the_messaging_endpoint_answers_404() {
    var key = BotFrameworkStandIn.newKey("connector-key-1");
    var token =
        BotFrameworkStandIn.token(
            key,
            TeamsChannelBase.APP_ID,
            "https://smba.trafficmanager.net/amer/",
            Instant.now().plus(Duration.ofHours(1)));
    var activity =
        "{\"type\":\"message\",\"id\":\"1\",\"serviceUrl\":\"https://smba.trafficmanager.net/amer/\",\"channelId\":\"msteams\","
            + "\"from\":{\"id\":\"29:u\"},\"conversation\":{\"id\":\"a:c\"},\"recipient\":{\"id\":\"28:b\"},\"text\":\"hello\"}";
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(TeamsChannelBase.activity(activity, token), String.class));
    assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
  }
}
