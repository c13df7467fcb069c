package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an agent needs besides the ticket's own fields, stored with the ticket as JSON and
 * sent to every sink: the whole conversation (secrets redacted), the articles shown and how they
 * were rated, and the flow's progress.
 *
 * @param details what the user added in the ticket form, redacted; may be absent
 */
@Serdeable
public record TicketContext(
    List<Line> transcript,
    List<ArticleShown> articles,
    @Nullable Flow flow,
    @Nullable String details) {

  public TicketContext {
    transcript = transcript == null ? List.of() : List.copyOf(transcript);
    articles = articles == null ? List.of() : List.copyOf(articles);
  }

  /**
   * One message of the conversation.
   *
   * @param from {@code user} or {@code bot}
   * @param type the bot reply's type ({@code answer}, {@code no_answer}, ...); absent for the user
   */
  @Serdeable
  public record Line(String from, @Nullable String type, String text, Instant at) {}

  /**
   * An article the bot offered.
   *
   * @param confidence how sure retrieval was that it answered the question, in [0,1]
   * @param rating {@code helpful}, {@code unhelpful}, or absent when the user did not rate it
   */
  @Serdeable
  public record ArticleShown(
      String id, String title, String url, double confidence, @Nullable String rating) {}

  /**
   * The scripted flow the user went through, as far as they got.
   *
   * @param answers the user's non-secret answers by question id
   * @param tried what the user was asked to do and did, as lines for a person to read
   */
  @Serdeable
  public record Flow(
      String id,
      @Nullable String stepReached,
      @Nullable String reason,
      Map<String, String> answers,
      List<EscalationContext.ActionOutcome> actionOutcomes,
      List<String> tried) {
    public Flow {
      answers = answers == null ? Map.of() : answers;
      actionOutcomes = actionOutcomes == null ? List.of() : List.copyOf(actionOutcomes);
      tried = tried == null ? List.of() : List.copyOf(tried);
    }
  }
}
