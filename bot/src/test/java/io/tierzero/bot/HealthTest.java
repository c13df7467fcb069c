package io.tierzero.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
class HealthTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void health_endpoint_reports_up() {
    var response = client.toBlocking().exchange("/health", String.class);
    assertEquals(HttpStatus.OK, response.getStatus());
  }
}
