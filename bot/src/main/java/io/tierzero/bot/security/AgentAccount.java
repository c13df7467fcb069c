package io.tierzero.bot.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * An agent who may sign in, from configuration: {@code tierzero.security.agents.<username>}. The
 * embedded default for small teams; with an identity provider, use OpenID Connect instead (see the
 * README).
 *
 * @param name the username (lower case: configuration keys are normalised)
 * @param passwordHash a {@link PasswordHashes} hash, never the password itself; make one with
 *     {@code java -cp bot.jar io.tierzero.bot.security.PasswordHashes}
 * @param roles defaults to {@value Roles#AGENT}
 */
@EachProperty(AgentAccount.PREFIX)
public record AgentAccount(
    @Parameter String name, String passwordHash, @Nullable List<String> roles) {
  public static final String PREFIX = "tierzero.security.agents";

  public AgentAccount {
    roles = roles == null || roles.isEmpty() ? List.of(Roles.AGENT) : List.copyOf(roles);
  }

  @Override
  public String toString() {
    return "AgentAccount[" + name + ", roles=" + roles + "]";
  }
}
