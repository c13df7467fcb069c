package io.tierzero.bot.production;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.tierzero.bot.Application;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the settings a real deployment needs as the application context starts. In the {@code
 * prod} environment a gap refuses the start, with one message naming every missing setting; in any
 * other environment but the demo (and the tests, which set up their own servers) the same gaps are
 * a warning, so a deployment made without {@code prod} still says what it lacks.
 */
@Context
// First among the beans created at start, so a refused start does not build the index first.
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ProductionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ProductionGuard.class);

  /** The environment to deploy: {@code MICRONAUT_ENVIRONMENTS=prod}. */
  static final String PROD_ENVIRONMENT = Application.PROD_ENVIRONMENT;

  ProductionGuard(Environment environment) {
    var active = environment.getActiveNames();
    boolean prod = active.contains(PROD_ENVIRONMENT);
    if (!prod
        && (active.contains(Application.DEMO_ENVIRONMENT) || active.contains(Environment.TEST)))
      return;
    var missing = new ProductionSettings(environment).missing();
    if (missing.isEmpty()) {
      if (prod) LOG.info("Production settings complete");
      return;
    }
    if (prod) {
      var refused = new MissingSettingsException(missing);
      LOG.error(refused.report());
      throw refused;
    }
    LOG.warn(
        """
        ********************************************************************************
        NOT READY FOR PRODUCTION ({} missing): fine to try out, not to deploy. Deploy with
        MICRONAUT_ENVIRONMENTS={}, which refuses to start until these are set:{}
        ********************************************************************************\
        """,
        missing.size(),
        PROD_ENVIRONMENT,
        missing.stream().map(m -> "\n  - " + m).collect(Collectors.joining()));
  }
}
