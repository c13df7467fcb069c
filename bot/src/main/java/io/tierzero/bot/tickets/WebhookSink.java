package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.EachBean;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts each ticket as JSON ({@link TicketMessage}) to a URL. Any 2xx is delivered; anything else
 * (or no answer) is retried with the same body and the same {@value #IDEMPOTENCY_KEY} header, so a
 * receiver that stores by that key never creates a ticket twice.
 *
 * <p>Headers: {@value #IDEMPOTENCY_KEY}; {@value #SIGNATURE} {@code sha256=<hex>}, the HMAC-SHA256
 * of the exact body bytes with the configured secret (as GitHub signs webhooks); {@value #EVENT};
 * {@value #ATTEMPT}, 1 for the first attempt.
 */
@EachBean(WebhookConfiguration.class)
public final class WebhookSink implements TicketSink {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String SIGNATURE = "X-TierZero-Signature";
  public static final String EVENT = "X-TierZero-Event";
  public static final String ATTEMPT = "X-TierZero-Delivery-Attempt";

  private final WebhookConfiguration config;
  private final ObjectMapper json;
  private final HttpClient http;

  WebhookSink(WebhookConfiguration config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  @Override
  public String name() {
    return "webhook:" + config.name();
  }

  @Override
  public void deliver(TicketMessage message, int attempt) throws IOException, InterruptedException {
    var body = json.writeValueAsBytes(message);
    var request =
        HttpRequest.newBuilder(config.url())
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header(IDEMPOTENCY_KEY, message.idempotencyKey())
            .header(EVENT, message.event())
            .header(ATTEMPT, Integer.toString(attempt))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (config.secret() != null && !config.secret().isEmpty()) {
      request.header(SIGNATURE, signature(config.secret(), body));
    }
    config.headers().forEach(request::header);
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      var text = response.body() == null ? "" : response.body();
      throw new IOException(
          "HTTP "
              + response.statusCode()
              + " from "
              + config.url()
              + (text.isBlank() ? "" : ": " + text.strip()));
    }
  }

  /** {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code body}; how receivers verify. */
  public static String signature(String secret, byte[] body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
    }
  }
}
