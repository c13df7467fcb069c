package io.tierzero.bot.chat;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/**
 * What a handler answers, before it is stored. Options are quick replies: choosing one sends its
 * text as the user's next message, so every option is also something the user could have typed.
 */
@Serdeable
public record Reply(ReplyType type, String text, List<ArticleLink> articles, List<String> options) {
  public Reply {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    articles = articles == null ? List.of() : List.copyOf(articles);
    options = options == null ? List.of() : List.copyOf(options);
  }

  public static Reply text(String text, String... options) {
    return new Reply(ReplyType.TEXT, text, List.of(), List.of(options));
  }
}
