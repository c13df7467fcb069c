package io.tierzero.bot.kb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.search.SearchResult;
import jakarta.inject.Singleton;
import java.util.Objects;

/** {@link ArticleSearch} over the Lucene knowledge base, timed so retrieval shows apart from chat. */
@Singleton
final class KnowledgeBaseSearch implements ArticleSearch {
  private final KnowledgeBase kb;
  private final Timer timer;

  KnowledgeBaseSearch(KnowledgeBase kb, MeterRegistry registry) {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.timer =
        Timer.builder("tierzero.kb.search")
            .description("Knowledge-base retrieval for one chat question")
            .publishPercentileHistogram()
            .register(registry);
  }

  @Override
  public SearchResult search(String question, int limit) {
    return timer.record(() -> kb.search(question, limit));
  }
}
