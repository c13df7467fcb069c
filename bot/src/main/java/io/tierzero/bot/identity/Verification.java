package io.tierzero.bot.identity;

import io.tierzero.bot.ids.Ids;
import io.tierzero.bot.limits.Limits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time codes that prove a user reads the mailbox on file: random six digits, kept only as a
 * salted HMAC-SHA256 keyed with the {@link CodePepper} (which is not in the database), valid {@link
 * CodeConfiguration#codeTtl()}, {@link CodeConfiguration#codeAttempts()} tries.
 *
 * <p>Limits, all in the database so they hold across instances and concurrent conversations: {@link
 * CodeConfiguration#codesPerHour()} codes per person per hour (taken atomically), except that a
 * conversation in which the person already proved a code in the last hour is limited only by its
 * own codes, so someone spending a person's codes elsewhere does not block them once they are in;
 * and {@link CodeConfiguration#codeGuessesPerMinute()} code checks per minute across all accounts,
 * so guessing cannot be spread over many names.
 */
@Singleton
public class Verification {
  /** A verified code lets the flow act for this long: enough to type a new password. */
  static final Duration VERIFIED_FOR = Duration.ofMinutes(15);

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String HMAC = "HmacSHA256";

  private final CodeVerificationRepository repository;
  private final Limits limits;
  private final CodeConfiguration config;
  private final SecretKeySpec pepper;
  private final Clock clock;

  @Inject
  Verification(
      CodeVerificationRepository repository,
      Limits limits,
      CodeConfiguration config,
      CodePepper pepper,
      Clock clock) {
    this.repository = repository;
    this.limits = limits;
    this.config = config;
    this.pepper = new SecretKeySpec(pepper.key(), HMAC);
    this.clock = clock;
  }

  /**
   * Why a check failed; {@code wrong} still leaves attempts; {@code busy}: too many codes are being
   * checked across all accounts, this one was not checked and no attempt was counted.
   */
  public enum Failure {
    NONE,
    WRONG,
    EXPIRED,
    EXHAUSTED,
    BUSY
  }

  /** The result of checking a code: the verified user, or why not. */
  public record Check(Optional<String> user, Failure failure, int attemptsLeft) {}

  /**
   * A new code for {@code username}, recorded as a hash; empty when the user was sent too many
   * codes in the last hour. The caller emails it and forgets it.
   */
  public Optional<String> newCode(String conversationId, String username) {
    var now = now();
    var hourAgo = now.minus(Duration.ofHours(1));
    boolean provenHere =
        repository.countByConversationIdAndUsernameAndVerifiedAtGreaterThan(
                conversationId, username, hourAgo)
            > 0;
    boolean allowed =
        provenHere
            ? repository.countByConversationIdAndCreatedAtGreaterThan(conversationId, hourAgo)
                < config.codesPerHour()
            : limits.tryTake("code:" + username, config.codesPerHour(), Duration.ofHours(1));
    if (!allowed) return Optional.empty();
    var code = String.format("%06d", RANDOM.nextInt(1_000_000));
    store(conversationId, username, code, now);
    return Optional.of(code);
  }

  /**
   * Records a code nobody is sent and no typed code can match, for a name with no account, no email
   * or no codes left: the conversation then asks for a code and refuses what is typed exactly as it
   * does a wrong code, so the replies tell nothing about the name.
   */
  public void newUnmatchable(String conversationId) {
    var never = new byte[32];
    RANDOM.nextBytes(never);
    store(conversationId, "", "unmatchable:" + HexFormat.of().formatHex(never), now());
  }

  private void store(String conversationId, String username, String code, Instant now) {
    var salt = new byte[16];
    RANDOM.nextBytes(salt);
    var saltHex = HexFormat.of().formatHex(salt);
    repository.save(
        new CodeVerification(
            Ids.newId(),
            conversationId,
            username,
            hash(saltHex, code),
            saltHex,
            0,
            now,
            now.plus(config.codeTtl()),
            null));
  }

  /** Checks the code typed in the conversation against the latest one sent there. */
  public Check check(String conversationId, String code) {
    var found = repository.findFirstByConversationIdOrderByCreatedAtDesc(conversationId);
    if (found.isEmpty()) return new Check(Optional.empty(), Failure.NONE, 0);
    var v = found.get();
    if (v.verifiedAt() != null) return new Check(Optional.of(v.username()), Failure.NONE, 0);
    if (now().isAfter(v.expiresAt())) return new Check(Optional.empty(), Failure.EXPIRED, 0);
    if (v.attempts() >= config.codeAttempts())
      return new Check(Optional.empty(), Failure.EXHAUSTED, 0);
    if (!limits.tryTake("code-guesses", config.codeGuessesPerMinute(), Duration.ofMinutes(1))) {
      return new Check(Optional.empty(), Failure.BUSY, config.codeAttempts() - v.attempts());
    }
    var expected = v.codeHash().getBytes(StandardCharsets.US_ASCII);
    var given =
        hash(v.salt(), code == null ? "" : code.strip()).getBytes(StandardCharsets.US_ASCII);
    if (MessageDigest.isEqual(expected, given)) {
      repository.update(v.verified(now()));
      return new Check(Optional.of(v.username()), Failure.NONE, 0);
    }
    int attempts = v.attempts() + 1;
    repository.update(v.withAttempts(attempts));
    int left = config.codeAttempts() - attempts;
    return new Check(
        Optional.empty(), left <= 0 ? Failure.EXHAUSTED : Failure.WRONG, Math.max(left, 0));
  }

  /**
   * Whether {@code username} proved their identity in this conversation within the last minutes.
   */
  public boolean isVerified(String conversationId, String username) {
    return repository
        .findFirstByConversationIdOrderByCreatedAtDesc(conversationId)
        .filter(v -> v.username().equals(username))
        .filter(v -> v.verifiedAt() != null && v.verifiedAt().plus(VERIFIED_FOR).isAfter(now()))
        .isPresent();
  }

  /** Forgets codes older than a day; the hourly limit needs only the last hour. */
  public void purge() {
    repository.deleteByCreatedAtLessThan(now().minus(Duration.ofDays(1)));
  }

  private String hash(String salt, String code) {
    try {
      var mac = Mac.getInstance(HMAC);
      mac.init(pepper);
      mac.update(salt.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) ':');
      mac.update(code.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
