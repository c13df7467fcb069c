package io.tierzero.bot.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A platform's thread (or direct-message channel) and user, and the conversation it is.
 *
 * @param id the channel's name, then the platform's key for the thread and user
 * @param replyTo where the adapter posts replies, in the platform's terms (Slack: channel and
 *     thread; email: the thread's first Message-ID and its subject, for replies the secret page
 *     makes)
 * @param userId the platform's id for the user: only this user's messages and clicks continue the
 *     conversation
 * @param email the user's email as the platform reports it; null when it says none
 */
@MappedEntity("channel_conversation")
public record ChannelConversation(
    @Id String id,
    String channel,
    String conversationId,
    String replyTo,
    String userId,
    @Nullable String userName,
    @Nullable String email,
    Instant createdAt) {}
