package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With no trusted proxy (the default) X-Forwarded-For is ignored: the connection is the client. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoTrustedProxyRateLimitTest implements TestPropertyProvider {
  static final int BURST = 5;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put("tierzero.security.rate-limits.address-burst", Integer.toString(BURST));
    properties.put("tierzero.security.rate-limits.address-per-minute", "1");
    return properties;
  }

  @Test
  void a_new_x_forwarded_for_on_every_request_is_still_one_client() {
    HttpStatus last = null;
    for (int i = 0; i <= BURST; i++) {
      try {
        last =
            client
                .toBlocking()
                .exchange(
                    HttpRequest.GET("/api/features").header("X-Forwarded-For", "192.0.2." + i),
                    String.class)
                .getStatus();
      } catch (HttpClientResponseException e) {
        last = e.getStatus();
      }
    }
    assertEquals(HttpStatus.TOO_MANY_REQUESTS, last);
  }
}
