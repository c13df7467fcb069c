package io.tierzero.bot.kb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.search.SearchResult;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * {@link ArticleSearch} over the Lucene knowledge base, timed so retrieval shows apart from chat.
 */
@Singleton
final class KnowledgeBaseSearch implements ArticleSearch {
  private final KnowledgeBase kb;
  private final Timer timer;
  private final TurnDecisions decisions;

  KnowledgeBaseSearch(KnowledgeBase kb, MeterRegistry registry, TurnDecisions decisions) {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.decisions = decisions;
    this.timer =
        Timer.builder("tierzero.kb.search")
            .description("Knowledge-base retrieval for one chat question")
            .publishPercentileHistogram()
            .register(registry);
  }

  @Override
  public SearchResult search(String question, int limit) {
    // The turn's decision searched this message already (normalised): reuse it.
    var decided = decisions.recentSearch(question, limit);
    if (decided.isPresent()) return decided.get();
    return timer.record(() -> kb.search(question, limit));
  }
}
