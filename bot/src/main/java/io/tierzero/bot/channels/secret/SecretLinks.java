package io.tierzero.bot.channels.secret;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tierzero.bot.channels.ChannelConversation;
import io.tierzero.bot.channels.ChannelsConfiguration;
import io.tierzero.bot.chat.BotMessage;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One-time links to the page that takes a password or a code, for channels where typing it would
 * leave it with the platform's vendor. A link is single-use, expires ({@link
 * ChannelsConfiguration#secretLinkTtl}) and is stored as a hash, like conversation tokens.
 */
@Singleton
public class SecretLinks {
  /** Path of the page; the token follows. */
  public static final String PATH = "/secret/";

  /** 256 bits: the link alone lets its holder answer the conversation's question. */
  private static final int TOKEN_BYTES = 32;

  /**
   * Used and expired links are kept this long, so a late click says "used" rather than "unknown".
   */
  static final Duration KEEP = Duration.ofDays(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretLinkRepository repository;
  private final ChannelsConfiguration config;
  private final Clock clock;

  SecretLinks(SecretLinkRepository repository, ChannelsConfiguration config, Clock clock) {

    this.clock = clock;
    this.repository = Objects.requireNonNull(repository, "repository");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The link a channel sends in place of {@code reply} when the reply asks for a password or a
   * code; null when it asks for nothing secret.
   */
  public @Nullable String forSecretStep(ChannelConversation conversation, BotMessage reply) {
    if (reply.input() == null || !reply.input().sensitive()) return null;
    return issue(
        conversation.conversationId(), conversation.channel(), reply.input().type(), reply.text());
  }

  /** A new link for the question {@code conversationId} waits on; returns its absolute URL. */
  public String issue(String conversationId, String channel, String inputType, String prompt) {
    var bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var now = now();
    repository.save(
        new SecretLink(
            hash(token),
            conversationId,
            channel,
            inputType,
            clip(prompt),
            now,
            now.plus(config.secretLinkTtl()),
            null));
    return config.absolute(PATH + token);
  }

  /** The link while it can still be used: unknown, used and expired ones are empty alike. */
  Optional<SecretLink> usable(String token) {
    if (!wellFormed(token)) return Optional.empty();
    var now = now();
    return repository
        .findById(hash(token))
        .filter(l -> l.usedAt() == null && l.expiresAt().isAfter(now));
  }

  /** Uses the link up: present only for the one call that did. */
  Optional<SecretLink> use(String token) {
    if (!wellFormed(token)) return Optional.empty();
    var hash = hash(token);
    if (repository.use(hash, now()) != 1) return Optional.empty();
    return repository.findById(hash);
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "10m")
  void purge() {
    repository.deleteByExpiresAtLessThan(now().minus(KEEP));
  }

  private static boolean wellFormed(String token) {
    return token != null
        && token.length() == 43
        && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private static String clip(String prompt) {
    return prompt.length() <= 2000 ? prompt : prompt.substring(0, 2000);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
