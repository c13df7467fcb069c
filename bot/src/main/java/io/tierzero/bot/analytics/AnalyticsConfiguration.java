package io.tierzero.bot.analytics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * @param similarity cosine similarity (in-process sentence embeddings) at or above which two
 *     questions are "the same question": see {@link QuestionGroups} for where 0.7 comes from
 * @param incidentWindow the short window a burst of similar questions or tickets must fall in
 * @param incidentMinConversations how many different conversations in one window make a burst
 * @param returnWindow how long after a resolved conversation a return of the same user on the same
 *     topic still undoes the resolution
 */
@ConfigurationProperties(AnalyticsConfiguration.PREFIX)
public record AnalyticsConfiguration(
    @Bindable(defaultValue = "0.7") double similarity,
    @Bindable(defaultValue = "1h") Duration incidentWindow,
    @Bindable(defaultValue = "5") int incidentMinConversations,
    @Bindable(defaultValue = "7d") Duration returnWindow) {
  public static final String PREFIX = "tierzero.analytics";
}
