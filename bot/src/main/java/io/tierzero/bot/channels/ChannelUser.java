package io.tierzero.bot.channels;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * Who wrote, and where, as a channel adapter read it from a request it authenticated.
 *
 * @param channel the adapter's name, e.g. {@code slack}
 * @param thread the platform's key for the thread or direct-message channel, user included: one
 *     conversation per key
 * @param replyTo where replies go, in the platform's terms
 * @param userId the platform's id for the user
 */
public record ChannelUser(
    String channel,
    String thread,
    String replyTo,
    String userId,
    @Nullable String userName,
    @Nullable String email) {
  public ChannelUser {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(userId, "userId");
  }
}
