package io.tierzero.bot.channels.slack;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256, keyed with the signing secret,
 * of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}. A timestamp more than {@link #MAX_AGE} away
 * from now is refused whatever the signature, so a captured request cannot be replayed later
 * (Slack's own advice, and what Bolt's {@code SlackSignature.Verifier} does).
 */
final class SlackSignature {
  static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  static final String SIGNATURE = "X-Slack-Signature";
  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final byte[] secret;
  private final Clock clock;

  SlackSignature(String signingSecret, Clock clock) {
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Whether the request is Slack's and recent; compared in constant time. */
  boolean verify(@Nullable String timestamp, @Nullable String signature, byte[] body) {
    if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) return false;
    long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
    if (Math.abs(age) > MAX_AGE.toSeconds()) return false;
    var expected = sign(timestamp, body);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  String sign(String timestamp, byte[] body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
    }
  }
}
