package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An article offered in a reply.
 *
 * @param snippet the passage that matched, HTML: escaped text with {@code <mark>} around matched
 *     words and nothing else
 * @param url the article's readable page
 * @param confidence how sure retrieval is that this article answers the question, in [0,1]
 * @param flow the guided fix the article offers ("Fix it for me": send {@code start flow <flow>}),
 *     or null
 * @param category the article's category when it was offered (a ticket raised later is filed under
 *     it); null in replies stored before links carried it
 */
@Serdeable
public record ArticleLink(
    String id,
    String title,
    String snippet,
    String url,
    double confidence,
    @Nullable String flow,
    @Nullable String category) {
  public ArticleLink(String id, String title, String snippet, String url, double confidence) {
    this(id, title, snippet, url, confidence, null, null);
  }

  public ArticleLink(
      String id, String title, String snippet, String url, double confidence, String flow) {
    this(id, title, snippet, url, confidence, flow, null);
  }
}
