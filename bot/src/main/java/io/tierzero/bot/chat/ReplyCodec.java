package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.tierzero.bot.conversations.ChatMessage;
import io.tierzero.bot.conversations.NewMessage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns replies into stored messages and back. Articles and options are kept as one JSON column:
 * they are only ever read with their message, and a column per field would tie the schema to the
 * widget's needs.
 */
@Singleton
final class ReplyCodec {
  /** The JSON stored in {@code chat_message.payload}. */
  @Serdeable
  record Payload(
      List<ArticleLink> articles,
      List<String> options,
      @Nullable ReplyForm form,
      @Nullable ReplyInput input,
      @Nullable String flow,
      @Nullable String action) {}

  private final ObjectMapper json;

  ReplyCodec(ObjectMapper json) {
    this.json = json;
  }

  NewMessage toMessage(Reply reply) {
    return NewMessage.fromBot(reply.type().json(), reply.text(), payload(reply));
  }

  /** {@code message} as the API returns it, when {@code reply} is what it was stored from. */
  BotMessage toBotMessage(ChatMessage message, Reply reply) {
    return new BotMessage(
        message.id(),
        reply.type(),
        reply.text(),
        reply.articles(),
        reply.options(),
        reply.form(),
        reply.input(),
        reply.flow(),
        reply.action());
  }

  Reply toReply(ChatMessage message) {
    var payload = read(message.payload());
    return new Reply(
        ReplyType.fromJson(message.replyType()),
        message.body(),
        payload.articles(),
        payload.options(),
        payload.form(),
        payload.input(),
        payload.flow(),
        payload.action());
  }

  Transcript.Entry toEntry(ChatMessage message) {
    var payload = read(message.payload());
    return new Transcript.Entry(
        message.id(),
        message.sender(),
        message.replyType() == null ? null : ReplyType.fromJson(message.replyType()),
        message.body(),
        payload.articles(),
        payload.options(),
        payload.form(),
        payload.input(),
        message.createdAt());
  }

  private @Nullable String payload(Reply reply) {
    if (reply.articles().isEmpty()
        && reply.options().isEmpty()
        && reply.form() == null
        && reply.input() == null
        && reply.flow() == null
        && reply.action() == null) return null;
    try {
      return json.writeValueAsString(
          new Payload(
              reply.articles(),
              reply.options(),
              reply.form(),
              reply.input(),
              reply.flow(),
              reply.action()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Payload read(@Nullable String payload) {
    if (payload == null) return new Payload(List.of(), List.of(), null, null, null, null);
    try {
      var read = json.readValue(payload, Payload.class);
      return new Payload(
          read.articles() == null ? List.of() : read.articles(),
          read.options() == null ? List.of() : read.options(),
          read.form(),
          read.input(),
          read.flow(),
          read.action());
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable stored reply payload", e);
    }
  }
}
