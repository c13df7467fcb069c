package io.tierzero.bot.chat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the bot answers.
 *
 * @param handoffText what the bot says when it passes the user to a person, above the ticket form
 * @param noAnswersBeforeHandoff after this many {@code no_answer} turns in a row the bot offers a
 *     person without being asked
 * @param maxArticles at most this many articles in one answer
 * @param alsoShowConfidence further articles join the best one in an answer only from this
 *     confidence up: a weak second article distracts more than it helps
 */
@ConfigurationProperties(ChatConfiguration.PREFIX)
public record ChatConfiguration(
    @Bindable(defaultValue = DEFAULT_HANDOFF_TEXT) String handoffText,
    @Bindable(defaultValue = "2") int noAnswersBeforeHandoff,
    @Bindable(defaultValue = "3") int maxArticles,
    @Bindable(defaultValue = "0.6") double alsoShowConfidence) {

  public static final String PREFIX = "tierzero.chat";
  public static final String DEFAULT_HANDOFF_TEXT =
      "Let's get a person to help. I can raise a ticket for the IT Service Desk with this"
          + " conversation attached, so you won't have to repeat anything. Please confirm your name"
          + " and email below.";
}
