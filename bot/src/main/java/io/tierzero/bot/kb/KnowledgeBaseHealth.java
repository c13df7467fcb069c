package io.tierzero.bot.kb;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DOWN while no article is serving: a bot that can answer nothing should not take traffic, and an
 * articles folder that went empty (a mount that did not arrive, links not followed) shows here
 * rather than only as "no answer" to every user. DOWN too while it is still opening at start: a
 * readiness check then keeps traffic away until questions can be answered at once.
 */
@Singleton
final class KnowledgeBaseHealth extends AbstractHealthIndicator<Map<String, Object>> {
  private final KnowledgeBaseOpening opening;

  KnowledgeBaseHealth(KnowledgeBaseOpening opening) {
    this.opening = opening;
  }

  @Override
  protected String getName() {
    return "knowledgeBase";
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    var details = new LinkedHashMap<String, Object>();
    var serving = opening.serving();
    if (serving.isEmpty()) {
      // Opening (or failed): traffic now would only wait, or get no answer.
      healthStatus = HealthStatus.DOWN;
      details.put(
          "message",
          opening
              .failure()
              .map(e -> "could not be opened: " + e)
              .orElse("opening: questions wait until it serves"));
      return details;
    }
    var kb = serving.get();
    int articles = kb.articles().size();
    healthStatus = articles == 0 ? HealthStatus.DOWN : HealthStatus.UP;
    details.put("articles", articles);
    details.put("articlesDir", kb.config().articlesDir().toString());
    if (articles == 0) details.put("message", "no articles: nothing can be answered");
    return details;
  }
}
