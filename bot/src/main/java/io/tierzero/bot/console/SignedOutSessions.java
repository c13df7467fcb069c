package io.tierzero.bot.console;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LogoutEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console sessions ended by signing out, kept in the database ({@code signed_out_session})
 * until their token expires, so a cookie copied before sign-out is refused afterwards by every
 * instance, also after a restart. Micronaut publishes a {@link LogoutEvent} with the session's
 * claims before it clears the cookie; that is where a session is recorded.
 */
@Singleton
class SignedOutSessions implements ApplicationEventListener<LogoutEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(SignedOutSessions.class);

  /** How long a token whose expiry cannot be read is kept: the longest session (8 h) and more. */
  static final Duration FALLBACK_LIFETIME = Duration.ofDays(1);

  private final JdbcOperations jdbc;
  private final Clock clock;

  SignedOutSessions(JdbcOperations jdbc, Clock clock) {

    this.clock = clock;
    this.jdbc = jdbc;
  }

  @Override
  public void onApplicationEvent(LogoutEvent event) {
    if (!(event.getSource() instanceof Authentication authentication)) return;
    var id = tokenId(authentication);
    // HTTP Basic has no session to end; a token without an id is refused anyway.
    if (id.isEmpty()) return;
    add(
        id.get(),
        expiry(authentication.getAttributes().get("exp"))
            .orElse(clock.instant().plus(FALLBACK_LIFETIME)));
  }

  static Optional<String> tokenId(Authentication authentication) {
    var jti = authentication.getAttributes().get("jti");
    return jti == null || jti.toString().isBlank() ? Optional.empty() : Optional.of(jti.toString());
  }

  @Transactional
  void add(String tokenId, Instant expiresAt) {
    try (var insert =
        jdbc.getConnection()
            .prepareStatement(
                "insert into signed_out_session (token_id, expires_at) select ?, ? where not exists"
                    + " (select 1 from signed_out_session where token_id = ?)")) {
      insert.setString(1, tokenId);
      insert.setTimestamp(2, Timestamp.from(expiresAt));
      insert.setString(3, tokenId);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record a sign-out", e);
    }
  }

  /** Whether the session was signed out; when the database cannot say, it counts as signed out. */
  @Transactional
  boolean contains(String tokenId) {
    try (var select =
        jdbc.getConnection()
            .prepareStatement("select 1 from signed_out_session where token_id = ?")) {
      select.setString(1, tokenId);
      try (var rows = select.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "Could not check whether a console session was signed out; refusing it: {}",
          e.getMessage());
      return true;
    }
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "5m")
  @Transactional
  void purge() {
    try (var delete =
        jdbc.getConnection()
            .prepareStatement("delete from signed_out_session where expires_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(clock.instant()));
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not purge expired sign-outs", e);
    }
  }

  /**
   * The token's {@code exp} claim: seconds since the epoch, or a date, as the JWT library gives it.
   */
  static Optional<Instant> expiry(Object exp) {
    if (exp instanceof Number seconds)
      return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
    if (exp instanceof Date date) return Optional.of(date.toInstant());
    if (exp instanceof Instant instant) return Optional.of(instant);
    return Optional.empty();
  }
}
