package io.tierzero.bot.identity;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DOWN while the configured directory does not answer: password resets, unlocks and MFA resets all
 * hand over to a person then, and the operator should learn it here rather than from the tickets.
 * With no directory configured at all it stays UP and says so: the bot still answers from the
 * knowledge base, and the production check already names the missing URL.
 */
@Singleton
final class DirectoryHealth extends AbstractHealthIndicator<Map<String, Object>> {
  private final LdapDirectory directory;

  DirectoryHealth(LdapDirectory directory) {
    this.directory = directory;
  }

  @Override
  protected String getName() {
    return "directory";
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    var details = new LinkedHashMap<String, Object>();
    if (!directory.configured()) {
      healthStatus = HealthStatus.UP;
      details.put("configured", false);
      details.put(
          "message",
          "no directory configured ("
              + DirectoryConfiguration.PREFIX
              + ".url): identity flows hand over to a person");
      return details;
    }
    details.put("url", directory.url());
    var problem = directory.check();
    healthStatus = problem.isPresent() ? HealthStatus.DOWN : HealthStatus.UP;
    problem.ifPresent(e -> details.put("message", e.getMessage()));
    return details;
  }
}
