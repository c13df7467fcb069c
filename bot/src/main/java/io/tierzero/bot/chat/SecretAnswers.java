package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.conversations.ChatMessage;
import io.tierzero.bot.redaction.Redactor;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the transcript keeps of the user's message, judged by what the bot asked just before. An
 * answer to a secret or one-time-code question is kept only as {@link #SECRET_GIVEN} or {@link
 * #CODE_GIVEN}. So is a message that looks like the same secret again once no question asks for it
 * any more: people retype the new password after the reset has ended or escalated ("did it take?"),
 * or send the code a second time, and nothing else would keep that out of the transcript, the
 * analytics and the ticket.
 *
 * <p>The rules, from the stored messages before this one:
 *
 * <ul>
 *   <li>the bot's last reply asks for a secret or a code: whatever was typed is hidden;
 *   <li>a bare code of 6 to 8 digits ("493021", "493 021") while a code question is among the last
 *       {@link #CODE_WINDOW} questions the user answered is hidden as a code;
 *   <li>right after the user answered a secret or code question, when the bot's reply asks for
 *       nothing (the flow ended or handed off), one word that looks like a password ({@link
 *       Redactor#looksLikePassword}) is hidden as a secret.
 * </ul>
 *
 * Everything else is kept, through the {@link Redactor}.
 */
final class SecretAnswers {
  static final String SECRET_GIVEN = "(secret given)";
  static final String CODE_GIVEN = "(one-time code given)";

  /**
   * For how many of the user's messages after a code question (its answer included) a bare code is
   * still taken as the code: the answer, a resend after a wrong code, one after the flow ended.
   */
  static final int CODE_WINDOW = 3;

  /** Messages a turn reads back: {@link #CODE_WINDOW} turns of a message and a few replies each. */
  static final int LOOK_BACK = 16;

  private static final Pattern BARE_CODE = Pattern.compile("\\d(?:[ -]?\\d){5,7}");

  /**
   * The questions that decide what is kept.
   *
   * @param previous the bot's last reply, which the message may be answering
   * @param answered what the question the user answered last asked for (the input of the bot's
   *     message just before the user's previous message); null when it asked for nothing
   * @param codeAsked a code question is among the last {@link #CODE_WINDOW} the user answered
   */
  record Recent(@Nullable Reply previous, @Nullable ReplyInput answered, boolean codeAsked) {
    /** From the conversation's last stored messages, oldest first. */
    static Recent of(List<ChatMessage> messages, Function<ChatMessage, Reply> decode) {
      Reply previous = null;
      ReplyInput answered = null;
      boolean codeAsked = false;
      int userMessagesAfter = 0;
      for (int i = messages.size() - 1; i >= 0; i--) {
        var message = messages.get(i);
        if (ChatMessage.USER.equals(message.sender())) {
          userMessagesAfter++;
          continue;
        }
        // The bot's last message before a user's message is the question that message answered.
        boolean question =
            i == messages.size() - 1 || ChatMessage.USER.equals(messages.get(i + 1).sender());
        if (userMessagesAfter > CODE_WINDOW) break;
        if (!question) continue;
        var reply = decode.apply(message);
        if (userMessagesAfter == 0) previous = reply;
        if (userMessagesAfter == 1) answered = reply.input();
        if (reply.input() != null
            && ReplyInput.CODE.equals(reply.input().type())
            && userMessagesAfter < CODE_WINDOW) codeAsked = true;
      }
      return new Recent(previous, answered, codeAsked);
    }
  }

  private SecretAnswers() {}

  /** {@code text} as the transcript keeps it. */
  static String transcriptText(Recent recent, String text) {
    var previous = recent.previous();
    if (previous != null && previous.input() != null && previous.input().sensitive()) {
      return ReplyInput.SECRET.equals(previous.input().type()) ? SECRET_GIVEN : CODE_GIVEN;
    }
    if (recent.codeAsked() && BARE_CODE.matcher(text).matches()) return CODE_GIVEN;
    boolean justAnsweredSecret = recent.answered() != null && recent.answered().sensitive();
    boolean asksNothing = previous == null || previous.input() == null;
    if (justAnsweredSecret
        && asksNothing
        && Redactor.looksLikePassword(text)
        && !isOption(previous, text)) return SECRET_GIVEN;
    return text;
  }

  private static boolean isOption(@Nullable Reply previous, String text) {
    return previous != null && previous.options().stream().anyMatch(o -> o.equalsIgnoreCase(text));
  }
}
