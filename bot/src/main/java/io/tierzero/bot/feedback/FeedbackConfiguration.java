package io.tierzero.bot.feedback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * @param ratingsDebounce how long after a vote the ranking prior is recomputed: a burst of votes
 *     costs one read of the votes, and a prior a few seconds old ranks as well as a fresh one
 */
@ConfigurationProperties(FeedbackConfiguration.PREFIX)
public record FeedbackConfiguration(
    @Bindable(defaultValue = DEFAULT_RATINGS_DEBOUNCE) Duration ratingsDebounce) {
  public static final String PREFIX = "tierzero.feedback";
  public static final String DEFAULT_RATINGS_DEBOUNCE = "2s";
}
