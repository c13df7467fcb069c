package io.tierzero.bot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.mail.MailSender;
import io.tierzero.bot.mail.OutgoingMail;
import io.tierzero.bot.security.PasswordHashes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo mailbox: mail sent over SMTP to the embedded server, readable only by agents. */
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMailControllerTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject MailSender sender;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TestApp.properties());
    properties.put(
        "tierzero.security.agents.dana.password-hash",
        PasswordHashes.hash("agent-pass-123".toCharArray(), 1000));
    return properties;
  }

  @Test
  void agents_read_mail_sent_to_the_embedded_server_and_others_get_401() {
    sender.send(new OutgoingMail("erin@example.com", "Hello", "Demo body"));

    var anonymous =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(HttpRequest.GET("/api/agent/demo-mail"), String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());

    var mail =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/agent/demo-mail?to=erin@example.com")
                    .basicAuth("dana", "agent-pass-123"),
                Argument.listOf(ReceivedMail.class));
    assertEquals(1, mail.size());
    assertEquals("Hello", mail.get(0).subject());
    assertTrue(mail.get(0).text().contains("Demo body"));
    assertEquals(List.of("erin@example.com"), mail.get(0).to());
  }
}
