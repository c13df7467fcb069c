package io.tierzero.bot.mail;

import java.util.Objects;

/** A plain-text email to one recipient. */
public record OutgoingMail(String to, String subject, String text) {
  public OutgoingMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }

  /** Never the body: it may hold a one-time code. */
  @Override
  public String toString() {
    return "OutgoingMail[to=" + to + ", subject=" + subject + "]";
  }
}
