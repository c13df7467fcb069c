package io.tierzero.bot.kb;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.tierzero.kb.KnowledgeBase;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DOWN while no article is serving: a bot that can answer nothing should not take traffic, and an
 * articles folder that went empty (a mount that did not arrive, links not followed) shows here
 * rather than only as "no answer" to every user.
 */
@Singleton
final class KnowledgeBaseHealth extends AbstractHealthIndicator<Map<String, Object>> {
  private final KnowledgeBase kb;

  KnowledgeBaseHealth(KnowledgeBase kb) {
    this.kb = kb;
  }

  @Override
  protected String getName() {
    return "knowledgeBase";
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    int articles = kb.articles().size();
    healthStatus = articles == 0 ? HealthStatus.DOWN : HealthStatus.UP;
    var details = new LinkedHashMap<String, Object>();
    details.put("articles", articles);
    details.put("articlesDir", kb.config().articlesDir().toString());
    if (articles == 0) details.put("message", "no articles: nothing can be answered");
    return details;
  }
}
