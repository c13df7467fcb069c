package io.tierzero.bot.analytics;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;

/**
 * The analytics reports for a period, each from its own class, all from one {@link Snapshot}: every
 * figure is computed from the same rows.
 */
@Singleton
public class Analytics {
  public static final String CONTAINMENT =
      "Conversations in which the user asked at least one thing and no ticket was raised, out of"
          + " all conversations started in the period in which the user asked at least one thing (a"
          + " widget opened and closed without a message is not a conversation).";

  public static final String RESOLUTION = Resolutions.DEFINITION;

  private final AnalyticsStore store;
  private final AnalyticsConfiguration config;
  private final Resolutions resolutions;
  private final ArticleReport articles;
  private final FlowReport flows;
  private final GapReport gaps;
  private final IncidentReport incidents;

  Analytics(
      AnalyticsStore store,
      AnalyticsConfiguration config,
      Resolutions resolutions,
      ArticleReport articles,
      FlowReport flows,
      GapReport gaps,
      IncidentReport incidents) {
    this.store = Objects.requireNonNull(store, "store");
    this.config = Objects.requireNonNull(config, "config");
    this.resolutions = Objects.requireNonNull(resolutions, "resolutions");
    this.articles = Objects.requireNonNull(articles, "articles");
    this.flows = Objects.requireNonNull(flows, "flows");
    this.gaps = Objects.requireNonNull(gaps, "gaps");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
  }

  public Reports.Report report(Period period) {
    return report(period, null);
  }

  /**
   * The report over the conversations of {@code channel} only ({@code widget}, {@code slack}); all
   * when null.
   */
  public Reports.Report report(Period period, @Nullable String channel) {
    // Read past the period's end by the return window: a return after the end still counts.
    var snapshot = store.read(period.start(), period.end().plus(config.returnWindow()));
    if (channel != null && !channel.isBlank()) snapshot = snapshot.onChannel(channel.strip());
    return compute(period, snapshot);
  }

  /** The report of {@code period} from {@code snapshot}, which may run past its end. */
  private Reports.Report compute(Period period, Snapshot snapshot) {
    var all = snapshot.conversations();
    var inPeriod = all.stream().filter(c -> period.contains(c.createdAt())).toList();
    var asked = inPeriod.stream().filter(c -> c.userMessages() > 0).toList();
    var tickets = snapshot.tickets().stream().filter(t -> period.contains(t.createdAt())).toList();
    var flowRuns =
        snapshot.flowRuns().stream().filter(r -> period.contains(r.startedAt())).toList();
    var views = snapshot.articleViews();

    var resolved = resolutions.resolved(asked, all, snapshot.flowRuns());
    long contained = asked.stream().filter(c -> c.ticket() == null).count();
    var questions = Questions.of(inPeriod);
    long abstained = questions.stream().filter(q -> q.abstained).count();
    var votes = ArticleReport.latestVotes(inPeriod);
    long up =
        inPeriod.stream().flatMap(c -> c.votes().stream()).filter(Snapshot.VoteRow::up).count();
    long down = inPeriod.stream().flatMap(c -> c.votes().stream()).filter(v -> !v.up()).count();
    var bursts = incidents.incidents(questions, tickets);
    var summary =
        new Reports.Summary(
            period,
            asked.size(),
            Reports.Rate.of(contained, asked.size(), CONTAINMENT),
            Reports.Rate.of(resolved.size(), asked.size(), RESOLUTION),
            tickets.size(),
            questions.size(),
            abstained,
            up,
            down,
            views.values().stream().mapToLong(Long::longValue).sum(),
            bursts.size());
    return new Reports.Report(
        summary,
        DayReport.days(period, asked, resolved, tickets),
        articles.articles(inPeriod, votes, views),
        TicketReport.tickets(tickets),
        flows.flows(flowRuns),
        gaps.gaps(questions),
        bursts);
  }

  /** The gap with {@code key} in the period, for the draft article. */
  public Optional<Reports.Gap> gap(Period period, String key) {
    return report(period).gaps().stream().filter(g -> g.key().equals(key)).findFirst();
  }
}
