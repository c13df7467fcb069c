package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * What the bot knows about a conversation for a ticket before one is raised.
 *
 * @param triggerKind why a person was last offered ({@code user_request}, {@code flow}, ...)
 * @param context the flow's {@link EscalationContext} as JSON, when a flow escalated: the only copy
 *     of what the flow handed over
 * @param ratings the user's ratings of articles as JSON ({@code {"article-id": "unhelpful"}})
 * @param negativeRatingAt when the user last rated an answer unhelpful; cleared by a helpful one
 */
@MappedEntity("escalation")
record Escalation(
    @Id String conversationId,
    @Nullable String pageUrl,
    @Nullable String browser,
    @Nullable String triggerKind,
    @Nullable String context,
    @Nullable String ratings,
    @Nullable Instant negativeRatingAt,
    @Nullable Instant offeredAt,
    Instant updatedAt) {

  /** Whether the user's latest rating in the conversation was unhelpful. */
  boolean negativelyRated() {
    return negativeRatingAt != null;
  }

  static Escalation empty(String conversationId, Instant now) {
    return new Escalation(conversationId, null, null, null, null, null, null, null, now);
  }

  Escalation withClient(@Nullable String pageUrl, @Nullable String browser, Instant now) {
    return new Escalation(
        conversationId,
        pageUrl == null ? this.pageUrl : pageUrl,
        browser == null ? this.browser : browser,
        triggerKind,
        context,
        ratings,
        negativeRatingAt,
        offeredAt,
        now);
  }

  Escalation withOffer(String triggerKind, @Nullable String context, Instant now) {
    return new Escalation(
        conversationId,
        pageUrl,
        browser,
        triggerKind,
        context == null ? this.context : context,
        ratings,
        negativeRatingAt,
        now,
        now);
  }

  Escalation withRatings(String ratings, @Nullable Instant negativeRatingAt, Instant now) {
    return new Escalation(
        conversationId,
        pageUrl,
        browser,
        triggerKind,
        context,
        ratings,
        negativeRatingAt,
        offeredAt,
        now);
  }
}
