package io.tierzero.bot.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks agents' usernames and passwords (HTTP Basic now, a login form later) against {@link
 * AgentAccount}s from configuration. Runs on the blocking executor: a PBKDF2 check takes a
 * noticeable fraction of a second by design, which must not stall the event loop.
 */
@Singleton
final class AgentAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
  private static final Logger LOG = LoggerFactory.getLogger(AgentAuthenticationProvider.class);

  /** Checked when the username is unknown, so a wrong name costs as long as a wrong password. */
  private static final class Dummy {
    static final String HASH = PasswordHashes.hash("not-a-password".toCharArray());
  }

  private final Map<String, AgentAccount> agents;
  private final SignInThrottle throttle;
  private final ClientAddress addresses;

  AgentAuthenticationProvider(
      List<AgentAccount> agents, SignInThrottle throttle, ClientAddress addresses) {
    this.throttle = throttle;
    this.addresses = addresses;
    this.agents =
        agents.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    a -> a.name().toLowerCase(Locale.ROOT), Function.identity()));
    if (agents.isEmpty())
      LOG.info(
          "No agents configured ({}.*): the agents' API refuses everyone", AgentAccount.PREFIX);
  }

  @Override
  public AuthenticationResponse authenticate(
      HttpRequest<B> request, AuthenticationRequest<String, String> authentication) {
    var username =
        authentication.getIdentity() == null
            ? ""
            : authentication.getIdentity().strip().toLowerCase(Locale.ROOT);
    var secret =
        authentication.getSecret() == null ? new char[0] : authentication.getSecret().toCharArray();
    var address = addresses.of(request);
    var refused = throttle.refusedFor(username, address);
    if (refused.isPresent()) {
      // Refused unchecked, known name or not: the right password does not get through either.
      request.setAttribute(SignInThrottle.RETRY_AFTER, Math.max(1, refused.get().toSeconds() + 1));
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    var agent = agents.get(username);
    if (agent == null) {
      PasswordHashes.matches(secret, Dummy.HASH);
      throttle.failed(username, address);
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    if (!PasswordHashes.matches(secret, agent.passwordHash())) {
      throttle.failed(username, address);
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    throttle.succeeded(username);
    return AuthenticationResponse.success(agent.name(), agent.roles());
  }
}
