package io.tierzero.bot.kb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.intent.TurnDecision;
import io.tierzero.kb.search.SearchResult;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The knowledge base's one decision for a chat message (an intent, or its answer / clarify /
 * abstain), made once per turn: the handlers that look at it in the same turn, and the search the
 * knowledge-base handler then asks for, reuse it instead of searching again.
 */
@Singleton
public final class TurnDecisions {
  /** A turn runs on one thread; an older decision of the same text is not reused. */
  private static final long REUSE_NANOS = 2_000_000_000L;

  private record Made(String message, int limit, long at, TurnDecision decision) {}

  private final KnowledgeBase kb;
  private final Timer timer;
  private final ThreadLocal<Made> last = new ThreadLocal<>();

  TurnDecisions(KnowledgeBase kb, MeterRegistry registry) {
    this.kb = kb;
    this.timer =
        Timer.builder("tierzero.chat.decision")
            .description("The per-message decision: intents against the knowledge base")
            .publishPercentileHistogram()
            .register(registry);
  }

  /** The decision for {@code message} with {@code limit} hits. */
  public TurnDecision decide(String message, int limit) {
    Made made = last.get();
    long now = System.nanoTime();
    if (made != null
        && made.limit() == limit
        && made.message().equals(message)
        && now - made.at() < REUSE_NANOS) {
      return made.decision();
    }
    TurnDecision decision = timer.record(() -> kb.decide(message, limit));
    last.set(new Made(message, limit, System.nanoTime(), decision));
    return decision;
  }

  /** The search of a decision just made on this thread for {@code message}, if any. */
  Optional<SearchResult> recentSearch(String message, int limit) {
    Made made = last.get();
    if (made == null
        || !made.message().equals(message)
        || made.limit() < limit
        || System.nanoTime() - made.at() >= REUSE_NANOS) {
      return Optional.empty();
    }
    SearchResult r = made.decision().search();
    if (r.hits().size() <= limit) return Optional.of(r);
    return Optional.of(
        new SearchResult(r.query(), r.decision(), r.confidence(), r.hits().subList(0, limit)));
  }
}
