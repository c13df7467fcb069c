package io.tierzero.bot.feedback;

/** Published after a vote on an article is stored or changed: the ranking prior is due a refresh. */
public record VotesChanged(String articleId) {}
