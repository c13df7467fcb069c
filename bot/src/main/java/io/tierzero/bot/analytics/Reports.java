package io.tierzero.bot.analytics;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The analytics reports as the API returns them (JSON) and the console shows them. */
public final class Reports {
  private Reports() {}

  /**
   * A share of conversations with what it counts written next to it.
   *
   * @param rate {@code count / of}, 0 when {@code of} is 0
   */
  @Serdeable
  public record Rate(long count, long of, double rate, String definition) {
    static Rate of(long count, long of, String definition) {
      return new Rate(count, of, of == 0 ? 0 : (double) count / of, definition);
    }
  }

  /**
   * The headline figures.
   *
   * @param conversations conversations started in the period in which the user asked something
   * @param questions messages the bot treated as a question (answered, asked "did you mean", or
   *     found nothing)
   * @param abstained questions the bot found no confident answer to
   * @param incidents bursts of similar questions or tickets flagged as possible incidents
   */
  @Serdeable
  public record Summary(
      Period period,
      long conversations,
      Rate containment,
      Rate resolution,
      long tickets,
      long questions,
      long abstained,
      long votesUp,
      long votesDown,
      long articleViews,
      long incidents) {}

  /** One day of the time series (UTC). */
  @Serdeable
  public record Day(
      LocalDate day, long conversations, long contained, long resolved, long tickets) {
    public double containment() {
      return conversations == 0 ? 0 : (double) contained / conversations;
    }
  }

  /**
   * One article.
   *
   * @param views its page was read ({@code /kb/<id>})
   * @param answersShown bot replies that offered it (answers and "did you mean")
   * @param helpfulness the Bayesian average the ranking prior uses: {@code (up + 5) / (up + down +
   *     10)}, 0.5 for an article nobody rated
   */
  @Serdeable
  public record Article(
      String id,
      String title,
      String category,
      long views,
      long answersShown,
      long up,
      long down,
      double helpfulness) {}

  @Serdeable
  public record Count(String key, long count) {}

  /** Tickets raised in the period, by category, priority and trigger, most first. */
  @Serdeable
  public record Tickets(
      long total, List<Count> byCategory, List<Count> byPriority, List<Count> byTrigger) {}

  /**
   * One step of a guided fix's funnel.
   *
   * @param reached runs that got to this step
   * @param droppedHere runs that stopped at this step without being resolved
   */
  @Serdeable
  public record Step(String id, long reached, long droppedHere) {}

  /** A guided fix: runs started, how far they got, how they ended. */
  @Serdeable
  public record Flow(String id, long starts, List<Step> steps, List<Count> outcomes) {}

  /**
   * Questions the knowledge base does not answer well, grouped by meaning.
   *
   * @param key identifies the group within a period (for the "draft article" link)
   * @param examples distinct wordings, most frequent first
   * @param reasons the reasons given with thumbs down
   */
  @Serdeable
  public record Gap(
      String key,
      String title,
      long questions,
      long conversations,
      long abstained,
      long ratedDown,
      List<String> examples,
      List<Count> reasons,
      Instant lastAsked) {}

  /**
   * A burst: many different conversations with the same question, or many tickets in one category,
   * in a short window; possibly many users hitting the same problem.
   *
   * @param kind {@code questions} or {@code tickets}
   * @param label the question (most frequent wording) or the ticket category
   */
  @Serdeable
  public record Incident(
      String kind,
      String label,
      long conversations,
      Instant from,
      Instant to,
      List<String> examples) {}

  /** Everything for one period, computed from one read. */
  @Serdeable
  public record Report(
      Summary summary,
      List<Day> days,
      List<Article> articles,
      Tickets tickets,
      List<Flow> flows,
      List<Gap> gaps,
      List<Incident> incidents) {}
}
