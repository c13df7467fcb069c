package io.tierzero.bot.sso;

import io.tierzero.bot.security.Roles;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from a provider's claims whether a person is an agent, and under which name. Shared by
 * the console's sign-in (the ID token) and the agents' API (bearer access tokens), so both let in
 * exactly the same people.
 */
@Singleton
public final class AgentClaims {
  private final SingleSignOnConfiguration config;

  AgentClaims(SingleSignOnConfiguration config) {
    this.config = config;
  }

  /** The agent's name and roles when the claims put them in the agent group, else empty. */
  public Optional<Agent> agent(Map<String, Object> claims) {
    if (!config.enabled() || !groups(claims).contains(config.agentGroup())) return Optional.empty();
    return Optional.of(new Agent(name(claims), List.of(Roles.AGENT)));
  }

  /** The groups the claims list; a claim may be a list or one string. */
  List<String> groups(Map<String, Object> claims) {
    Object value = claims;
    for (var part : config.groupsClaim().split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) return List.of();
      value = map.get(part);
    }
    if (value instanceof Collection<?> list) return list.stream().map(String::valueOf).toList();
    if (value instanceof String one) return List.of(one);
    return List.of();
  }

  String name(Map<String, Object> claims) {
    for (var claim : List.of(config.usernameClaim(), "email", "sub")) {
      if (claims.get(claim) instanceof String name && !name.isBlank()) return name;
    }
    return "unknown";
  }

  /** The sign-in page's explanation for a person outside the group. */
  public String refusal() {
    return "Your account signed in at the identity provider, but it is not in the agents' group ("
        + config.agentGroup()
        + "), so it cannot use the console. Ask whoever manages that group to add you, then sign in"
        + " again.";
  }

  public record Agent(String name, List<String> roles) {}
}
