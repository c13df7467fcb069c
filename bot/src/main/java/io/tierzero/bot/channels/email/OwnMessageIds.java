package io.tierzero.bot.channels.email;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The Message-IDs of the bot's replies carry the key of their thread ({@code
 * <tz.<thread>.<random>@domain>}): a client that answers with only {@code In-Reply-To} (some drop
 * or cut {@code References}) still lands in the right conversation, and a copy of our own reply
 * arriving in the mailbox is known as ours.
 */
final class OwnMessageIds {
  private static final Pattern OURS =
      Pattern.compile("<tz\\.([0-9a-f]{32})\\.[0-9a-f]{16}@[^<>\\s]+>");
  private static final SecureRandom RANDOM = new SecureRandom();

  private OwnMessageIds() {}

  /** A new Message-ID for a reply in {@code thread}. */
  static String next(String thread, String domain) {
    var bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "<tz." + thread + "." + HexFormat.of().formatHex(bytes) + "@" + domain + ">";
  }

  static boolean isOurs(String messageId) {
    return OURS.matcher(messageId).matches();
  }

  /** The thread key a Message-ID stands for: the one ours carries, else its own hash. */
  static String thread(String messageId) {
    var m = OURS.matcher(messageId);
    return m.matches() ? m.group(1) : hash(messageId);
  }

  /** 128 bits of SHA-256: Message-IDs may be long, keys must fit their columns. */
  static String hash(@Nullable String messageId) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(messageId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
