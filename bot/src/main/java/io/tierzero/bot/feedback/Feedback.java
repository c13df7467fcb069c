package io.tierzero.bot.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One user's vote on one item of a conversation, as stored.
 *
 * @param item what was rated: {@code message:<id>} or {@code article:<id>}; unique per
 *     conversation, so voting again replaces the vote
 * @param articleId the article the vote counts for in the ranking prior, when there is one
 * @param vote {@code up} or {@code down}
 * @param reason a {@link Reason} in JSON form, when the user gave one
 */
@MappedEntity("feedback")
record Feedback(
    @Id String id,
    String conversationId,
    String item,
    @Nullable String messageId,
    @Nullable String articleId,
    String vote,
    @Nullable String reason,
    Instant createdAt,
    Instant updatedAt) {

  Feedback changed(Vote vote, @Nullable Reason reason, @Nullable String articleId, Instant now) {
    return new Feedback(
        id,
        conversationId,
        item,
        messageId,
        articleId,
        vote.json(),
        reason == null ? null : reason.json(),
        createdAt,
        now);
  }
}
