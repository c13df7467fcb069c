package io.tierzero.bot.console;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.tierzero.bot.pages.View;
import io.tierzero.bot.sso.AgentClaims;
import io.tierzero.bot.sso.SingleSignOnConfiguration;
import java.util.Map;

/**
 * Where single sign-on sends a person the provider knows but who is not in the agent group: says
 * why, and how to get in, instead of a password error they never made.
 */
@Controller(SingleSignOnConfiguration.REFUSED_PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Requires(property = SingleSignOnConfiguration.ISSUER)
@Hidden
class SingleSignOnRefusedController {
  private final AgentClaims agents;

  SingleSignOnRefusedController(AgentClaims agents) {
    this.agents = agents;
  }

  @Get
  ModelAndView<Map<String, Object>> refused() {
    return View.of("console/refused", "refusal", agents.refusal());
  }
}
