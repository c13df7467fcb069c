package io.tierzero.bot.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** What kind of bot reply this is; the widget renders each differently. In JSON: lower case. */
@Serdeable
public enum ReplyType {
  /** A confident answer: the best article(s) with snippet and link. */
  ANSWER,
  /** Two close candidates: "did you mean A or B?", the options are their titles. */
  CLARIFY,
  /** No confident answer: offers to rephrase or to reach a person. */
  NO_ANSWER,
  /** One step of a scripted fix; the reply's {@code flow} names the flow. */
  FLOW_STEP,
  /** Passing the user to a person. */
  HANDOFF,
  /** The user's tickets (number, status, last update), or how to find them. */
  TICKET_STATUS,
  /** Anything else: small talk, redirects to other teams. */
  TEXT;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ReplyType fromJson(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
