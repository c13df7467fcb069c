package io.tierzero.bot.feedback;

import io.micronaut.core.annotation.Nullable;

/**
 * Published in the vote's transaction each time a vote is stored or changed. Listeners that keep
 * something beside the vote (tickets keep the conversation's ratings) record it in the same
 * transaction; the ranking prior is refreshed after it commits.
 *
 * @param articleId the article the vote counts for; null when the rated reply stands for none
 * @param vote the vote as it now is
 */
public record VotesChanged(String conversationId, @Nullable String articleId, Vote vote) {
  /** Whether the vote says the answer helped. */
  public boolean helpful() {
    return vote == Vote.UP;
  }
}
