package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A stored bot reply as the API returns it.
 *
 * @param id the stored message's id, for feedback on this reply
 * @param articles empty (and left out of the JSON) when the reply offers none
 * @param options quick replies; empty (and left out) when there are none
 * @param form a form to show with the reply (the ticket form of a handoff); left out when none
 * @param input what the user is expected to type next, e.g. {@code {"type":"secret"}} for a
 *     password field; left out when anything goes
 * @param flow the flow a {@code flow_step} belongs to; left out for other replies
 * @param action what the widget should do, e.g. {@code new_conversation}; left out when nothing
 */
@Serdeable
public record BotMessage(
    String id,
    ReplyType type,
    String text,
    List<ArticleLink> articles,
    List<String> options,
    @Nullable ReplyForm form,
    @Nullable ReplyInput input,
    @Nullable String flow,
    @Nullable String action) {
  @Creator
  public BotMessage {
    articles = articles == null ? List.of() : List.copyOf(articles);
    options = options == null ? List.of() : List.copyOf(options);
  }

  public BotMessage(
      String id,
      ReplyType type,
      String text,
      List<ArticleLink> articles,
      List<String> options,
      @Nullable ReplyForm form,
      @Nullable ReplyInput input) {
    this(id, type, text, articles, options, form, input, null, null);
  }

  public BotMessage(
      String id,
      ReplyType type,
      String text,
      List<ArticleLink> articles,
      List<String> options,
      @Nullable ReplyForm form) {
    this(id, type, text, articles, options, form, null);
  }

  public BotMessage(
      String id, ReplyType type, String text, List<ArticleLink> articles, List<String> options) {
    this(id, type, text, articles, options, null);
  }
}
