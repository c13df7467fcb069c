package io.tierzero.bot.chat;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A stored bot reply as the API returns it.
 *
 * @param id the stored message's id, for feedback on this reply
 * @param articles empty (and left out of the JSON) when the reply offers none
 * @param options quick replies; empty (and left out) when there are none
 */
@Serdeable
public record BotMessage(
    String id, ReplyType type, String text, List<ArticleLink> articles, List<String> options) {
  public BotMessage {
    articles = articles == null ? List.of() : List.copyOf(articles);
    options = options == null ? List.of() : List.copyOf(options);
  }
}
