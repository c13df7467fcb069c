package io.tierzero.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Without Slack settings the channel is off: its endpoints are not there, even signed. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class SlackChannelOffTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return TestApp.properties();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/channels/slack/events", "/channels/slack/interactions"})
  void slack_endpoints_answer_404(String path) {
    var timestamp = String.valueOf(java.time.Instant.now().getEpochSecond());
    var body = "{\"type\":\"url_verification\",\"challenge\":\"x\"}";
    var request =
        HttpRequest.POST(path, body)
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .header("X-Slack-Request-Timestamp", timestamp)
            .header(
                "X-Slack-Signature",
                SlackChannelBase.sign(SlackChannelBase.SIGNING_SECRET, timestamp, body));
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(request, String.class));
    assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
  }
}
