package io.tierzero.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return TestApp.properties();
  }

  @Test
  void health_endpoint_reports_up() {
    var response = client.toBlocking().exchange("/health", String.class);
    assertEquals(HttpStatus.OK, response.getStatus());
  }

  @Test
  void prometheus_endpoint_reports_chat_turns_answers_and_latency_histograms() {
    var http = client.toBlocking();
    var started = http.retrieve(HttpRequest.POST("/api/conversations", ""), Map.class);
    http.exchange(
        HttpRequest.POST(
                "/api/conversations/" + started.get("id") + "/messages",
                Map.of("text", "my account is locked"))
            .header("X-Conversation-Token", (String) started.get("token")));

    var metrics =
        http.retrieve(HttpRequest.GET("/prometheus").accept(MediaType.TEXT_PLAIN), String.class);

    assertTrue(metrics.contains("tierzero_chat_turn_seconds_bucket"), "turn latency histogram");
    assertTrue(metrics.contains("tierzero_chat_turn_seconds_count"), "turn count");
    assertTrue(metrics.contains("tierzero_chat_replies_total{type=\"answer\""), "answers");
    assertTrue(metrics.contains("tierzero_chat_replies_total{type=\"no_answer\""), "abstentions");
    assertTrue(
        metrics.contains("tierzero_kb_search_seconds_bucket"), "retrieval latency histogram");
  }

  @Test
  void openapi_document_describes_the_chat_api() {
    var spec = client.toBlocking().retrieve("/swagger/tier-zero-0.1.yml");
    assertTrue(spec.contains("/api/conversations/{id}/messages"), spec);
    assertTrue(spec.contains("/api/suggest"), spec);
  }
}
