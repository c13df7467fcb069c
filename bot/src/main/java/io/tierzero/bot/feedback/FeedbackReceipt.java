package io.tierzero.bot.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The vote as stored.
 *
 * @param articleId the article the vote counts for (the rated one, or the one the rated answer
 *     offered); absent when none
 * @param changed true when this replaced an earlier vote on the same item
 */
@Serdeable
public record FeedbackReceipt(
    String id,
    @Nullable String messageId,
    @Nullable String articleId,
    Vote vote,
    @Nullable Reason reason,
    boolean changed) {}
