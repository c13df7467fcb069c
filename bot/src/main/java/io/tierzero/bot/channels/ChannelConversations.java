package io.tierzero.bot.channels;

import io.micronaut.data.exceptions.DataAccessException;
import io.tierzero.bot.chat.ChatService;
import io.tierzero.bot.chat.Options;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Maps a platform's thread and user to one of our conversations, started on first contact. The
 * conversation's token is derived from the thread with the adapter's own secret (HMAC-SHA256)
 * rather than stored: the turns then go through the same token-checked calls as the widget's (chat,
 * tickets, feedback), and a leaked table holds no token.
 */
@Singleton
public class ChannelConversations {
  private final ChannelConversationRepository repository;
  private final ChatService chat;

  /** The suffix of a thread's later conversations: {@code #2}, {@code #3}, ... */
  private static final Pattern LATER = Pattern.compile("#\\d+$");

  private final Clock clock;

  ChannelConversations(ChannelConversationRepository repository, ChatService chat, Clock clock) {

    this.clock = clock;
    this.repository = Objects.requireNonNull(repository, "repository");
    this.chat = Objects.requireNonNull(chat, "chat");
  }

  /**
   * The conversation of {@code user}'s thread, if there is one: the newest, after a fresh start.
   */
  public Optional<ChannelConversation> find(String channel, String thread) {
    var id = id(channel, thread);
    return repository.findFirstByIdOrIdLikeOrderByCreatedAtDesc(id, successors(id));
  }

  /**
   * A new conversation in the same thread, for a user who chose to start over: later messages go to
   * it, while the old one stays as it was (its tickets still report back to the thread).
   */
  public ChannelConversation startAnew(ChannelConversation current, byte[] key) {
    var thread = LATER.matcher(current.id()).replaceFirst("");
    var id = thread + "#" + (repository.countByIdOrIdLike(thread, successors(thread)) + 1);
    var conversationId = chat.startOnChannel(current.channel(), token(key, id));
    var mapping =
        new ChannelConversation(
            id,
            current.channel(),
            conversationId,
            current.replyTo(),
            current.userId(),
            current.userName(),
            current.email(),
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    try {
      return repository.save(mapping);
    } catch (DataAccessException e) {
      // Two fresh starts at once: both continue in the one that was saved.
      return repository.findById(id).orElseThrow(() -> e);
    }
  }

  /**
   * Whether {@code text} is the choice to start over ({@link Options#NEW_CONVERSATION}), which a
   * platform sends as text.
   */
  public static boolean startsOver(String text) {
    return text != null && text.strip().equalsIgnoreCase(Options.NEW_CONVERSATION);
  }

  /** A LIKE pattern for the later conversations of thread {@code id}, its wildcards escaped. */
  private static String successors(String id) {
    return id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "#%";
  }

  public Optional<ChannelConversation> byConversation(String conversationId) {
    return repository.findByConversationId(conversationId);
  }

  /**
   * The conversation of {@code user}'s thread, started now if there is none. Two first messages of
   * one thread at once start one conversation: the second insert fails on the key and reads the
   * first's (the other conversation stays, empty, and counts for nothing in analytics).
   */
  public ChannelConversation conversationFor(ChannelUser user, byte[] key) {
    var id = id(user.channel(), user.thread());
    var found = repository.findById(id);
    if (found.isPresent()) return found.get();
    var conversationId = chat.startOnChannel(user.channel(), token(key, id));
    var mapping =
        new ChannelConversation(
            id,
            user.channel(),
            conversationId,
            user.replyTo(),
            user.userId(),
            clip(user.userName(), 200),
            clip(user.email(), 320),
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    try {
      return repository.save(mapping);
    } catch (DataAccessException e) {
      return repository.findById(id).orElseThrow(() -> e);
    }
  }

  /** The token of {@code conversation}, derived again with the adapter's key. */
  public String token(ChannelConversation conversation, byte[] key) {
    return token(key, conversation.id());
  }

  static String id(String channel, String thread) {
    return channel + "|" + thread;
  }

  static String token(byte[] key, String id) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      // A label of its own, so this MAC is never the same as one the platform's signature uses.
      var digest =
          mac.doFinal(("tierzero-conversation-token:" + id).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
    }
  }

  private static String clip(String value, int max) {
    if (value == null) return null;
    return value.length() <= max ? value : value.substring(0, max);
  }
}
