package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A whole conversation, oldest message first. */
@Serdeable
public record Transcript(String id, Instant createdAt, List<Transcript.Entry> messages) {

  /**
   * One message.
   *
   * @param from {@code user} or {@code bot}
   * @param type the bot reply's type; absent for the user's messages
   * @param form the form the reply offered (a handoff's ticket form); absent for most
   * @param input what the bot message asked the user to type next ({@code {"type":"secret"}}), so a
   *     widget restoring the conversation puts the open question's control back (a password field,
   *     not a text box); absent for the user's messages and replies that expect anything
   */
  @Serdeable
  public record Entry(
      String id,
      String from,
      @Nullable ReplyType type,
      String text,
      List<ArticleLink> articles,
      List<String> options,
      @Nullable ReplyForm form,
      @Nullable ReplyInput input,
      Instant at) {
    @Creator
    public Entry {
      articles = articles == null ? List.of() : List.copyOf(articles);
      options = options == null ? List.of() : List.copyOf(options);
    }

    public Entry(
        String id,
        String from,
        @Nullable ReplyType type,
        String text,
        List<ArticleLink> articles,
        List<String> options,
        Instant at) {
      this(id, from, type, text, articles, options, null, null, at);
    }
  }
}
