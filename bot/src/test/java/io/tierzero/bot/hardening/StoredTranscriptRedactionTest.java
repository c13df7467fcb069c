package io.tierzero.bot.hardening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.conversations.StartedConversation;
import io.tierzero.bot.redaction.Redactor;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a user types goes into the stored transcript without its secrets, marked where they were.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredTranscriptRedactionTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return TestApp.properties();
  }

  @Test
  void the_stored_transcript_has_markers_instead_of_card_numbers_passwords_and_keys() {
    var conversation =
        client
            .toBlocking()
            .retrieve(HttpRequest.POST("/api/conversations", ""), StartedConversation.class);
    var typed =
        "vpn fails, my password is Hunter2x, card 4111 1111 1111 1111, key AKIAIOSFODNN7EXAMPLE,"
            + " nul\u0000here";

    client
        .toBlocking()
        .exchange(
            HttpRequest.POST(
                    "/api/conversations/" + conversation.id() + "/messages", Map.of("text", typed))
                .header("X-Conversation-Token", conversation.token()),
            String.class);
    var transcript =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/conversations/" + conversation.id())
                    .header("X-Conversation-Token", conversation.token()),
                String.class);

    for (var secret : new String[] {"Hunter2x", "4111 1111", "AKIAIOSFODNN7EXAMPLE", "\\u0000"}) {
      assertFalse(transcript.contains(secret), secret + " in " + transcript);
    }
    for (var marker :
        new String[] {Redactor.PASSWORD, Redactor.CARD, Redactor.KEY, "vpn fails", "nulhere"}) {
      assertTrue(transcript.contains(marker), marker + " missing from " + transcript);
    }
  }
}
