package io.tierzero.bot.chat;

import java.util.List;
import java.util.Locale;

/**
 * Passes the user to a person. Every handoff reply comes from here, so the reply always offers the
 * same ticket form and the reason for the handoff is recorded for the ticket. The tickets package
 * implements it; handlers only say why.
 */
@FunctionalInterface
public interface Handoffs {
  /** Records that a person was offered in this conversation, and why; returns the handoff reply. */
  Reply offer(TurnContext context, Trigger trigger);

  /** Handoffs without tickets: the configured handoff text alone, recording nothing. */
  static Handoffs plain(ChatConfiguration config) {
    return (context, trigger) ->
        new Reply(ReplyType.HANDOFF, config.handoffText(), List.of(), List.of());
  }

  /** Why a person was offered. In JSON and in the database: lower case. */
  enum Trigger {
    /** The user asked for a person. */
    USER_REQUEST,
    /** Misses in a row, and the user accepted the offer of a person. */
    NO_ANSWERS,
    /** A scripted flow ended in {@code escalate}. */
    FLOW,
    /** The user rated an answer as unhelpful and then said it is still not fixed. */
    NEGATIVE_RATING;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Trigger fromJson(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
