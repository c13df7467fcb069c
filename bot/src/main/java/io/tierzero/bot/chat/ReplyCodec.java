package io.tierzero.bot.chat;

import io.tierzero.bot.conversations.ChatMessage;
import io.tierzero.bot.conversations.MessagePayloads;
import io.tierzero.bot.conversations.NewMessage;
import jakarta.inject.Singleton;

/**
 * Turns replies into stored messages and stored messages into what the chat shows; the payload's
 * JSON is {@link MessagePayloads}'.
 */
@Singleton
final class ReplyCodec {
  private final MessagePayloads payloads;

  ReplyCodec(MessagePayloads payloads) {
    this.payloads = payloads;
  }

  NewMessage toMessage(Reply reply) {
    return payloads.botMessage(reply.type().json(), reply.text(), ReplyPayload.of(reply));
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
    var payload = payload(message);
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
    var payload = payload(message);
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

  private ReplyPayload payload(ChatMessage message) {
    return payloads.read(message, ReplyPayload.class).orElse(ReplyPayload.NONE);
  }
}
