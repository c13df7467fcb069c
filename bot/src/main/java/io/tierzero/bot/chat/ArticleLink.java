package io.tierzero.bot.chat;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An article offered in a reply.
 *
 * @param snippet the passage that matched, HTML: escaped text with {@code <mark>} around matched
 *     words and nothing else
 * @param url the article's readable page
 * @param confidence how sure retrieval is that this article answers the question, in [0,1]
 */
@Serdeable
public record ArticleLink(String id, String title, String snippet, String url, double confidence) {}
