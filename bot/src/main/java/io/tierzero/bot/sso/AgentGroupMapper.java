package io.tierzero.bot.sso;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the provider's verified ID token into a console sign-in: members of the agent group become
 * agents, everyone else is refused with {@link NotAnAgent}. The console session is then the same
 * signed cookie a password sign-in gets; no provider token is kept in it.
 */
@Singleton
@Named(SingleSignOnConfiguration.PROVIDER)
@Requires(property = SingleSignOnConfiguration.ISSUER)
class AgentGroupMapper implements OpenIdAuthenticationMapper {
  private static final Logger LOG = LoggerFactory.getLogger(AgentGroupMapper.class);

  private final AgentClaims agents;

  AgentGroupMapper(AgentClaims agents) {
    this.agents = agents;
  }

  @Override
  public Publisher<AuthenticationResponse> createAuthenticationResponse(
      String providerName,
      OpenIdTokenResponse tokenResponse,
      OpenIdClaims openIdClaims,
      @Nullable State state) {
    Map<String, Object> claims = openIdClaims.getClaims();
    var agent = agents.agent(claims);
    if (agent.isEmpty()) {
      LOG.info("Single sign-on refused {}: not in the agent group", agents.name(claims));
      return Publishers.just(new NotAnAgent(agents.refusal()));
    }
    LOG.info("Agent {} signed in through single sign-on", agent.get().name());
    return Publishers.just(AuthenticationResponse.success(agent.get().name(), agent.get().roles()));
  }
}
