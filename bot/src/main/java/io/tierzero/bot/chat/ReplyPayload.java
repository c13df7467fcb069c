package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a stored bot reply offers besides its type and text: the JSON in {@code
 * chat_message.payload} ({@link io.tierzero.bot.conversations.MessagePayloads}). One JSON column,
 * not a column per field: these are only ever read with their message, and columns would tie the
 * schema to the widget's needs. Analytics reads the same record (the articles offered, the quick
 * replies).
 */
@Serdeable
public record ReplyPayload(
    List<ArticleLink> articles,
    List<String> options,
    @Nullable ReplyForm form,
    @Nullable ReplyInput input,
    @Nullable String flow,
    @Nullable String action) {
  /** What a message without a payload offers: nothing. */
  public static final ReplyPayload NONE =
      new ReplyPayload(List.of(), List.of(), null, null, null, null);

  @Creator
  public ReplyPayload {
    articles = articles == null ? List.of() : articles;
    options = options == null ? List.of() : options;
  }

  /** {@code reply}'s payload; null when it offers nothing, so the message stores none. */
  static @Nullable ReplyPayload of(Reply reply) {
    if (reply.articles().isEmpty()
        && reply.options().isEmpty()
        && reply.form() == null
        && reply.input() == null
        && reply.flow() == null
        && reply.action() == null) return null;
    return new ReplyPayload(
        reply.articles(),
        reply.options(),
        reply.form(),
        reply.input(),
        reply.flow(),
        reply.action());
  }
}
