package io.tierzero.bot.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tierzero.bot.security.Roles;
import java.time.Clock;
import java.util.List;

/**
 * Analytics for agents, as JSON and as CSV ({@code /api/agent/analytics/csv/<report>}). Every
 * report takes {@code from} and {@code to} (days, inclusive, UTC; the last 30 days by default), and
 * {@code channel} ({@code widget}, {@code slack}) to count only the conversations held there.
 */
@Controller("/api/agent/analytics")
@Secured(Roles.AGENT)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "agents")
@SecurityRequirement(name = "basicAuth")
class AnalyticsController {
  private final Analytics analytics;
  private final Clock clock;

  AnalyticsController(Analytics analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  @Operation(
      summary =
          "Headline figures: conversations, containment and resolution (with their definitions),"
              + " tickets, votes")
  @ApiResponse(
      responseCode = "400",
      description = "A date that is not YYYY-MM-DD, or from after to")
  @ApiResponse(responseCode = "401", description = "Not authenticated")
  @Get("/summary")
  Reports.Summary summary(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    return report(from, to, channel).summary();
  }

  @Operation(
      summary =
          "Everything at once: summary, days, articles, tickets, flows, content gaps, incidents")
  @Get
  Reports.Report all(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    return report(from, to, channel);
  }

  @Operation(summary = "Per day (UTC): conversations, contained, resolved, tickets")
  @Get("/days")
  List<Reports.Day> days(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    return report(from, to, channel).days();
  }

  @Operation(summary = "Per article: views, answers shown, thumbs up and down, helpfulness")
  @Get("/articles")
  List<Reports.Article> articles(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    return report(from, to, channel).articles();
  }

  @Operation(summary = "Tickets by category, priority and trigger")
  @Get("/tickets")
  Reports.Tickets tickets(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    return report(from, to, channel).tickets();
  }

  @Operation(summary = "Per guided fix: starts, the steps reached and where runs stopped, outcomes")
  @Get("/flows")
  List<Reports.Flow> flows(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    return report(from, to, channel).flows();
  }

  @Operation(
      summary =
          "Content gaps: questions the bot abstained on or that were rated down, grouped by"
              + " meaning, most frequent first")
  @Get("/gaps")
  List<Reports.Gap> gaps(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    return report(from, to, channel).gaps();
  }

  @Operation(
      summary = "Possible incidents: bursts of similar questions or of tickets in one category")
  @Get("/incidents")
  List<Reports.Incident> incidents(
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    return report(from, to, channel).incidents();
  }

  @Operation(
      summary = "A report as CSV: summary, days, articles, tickets, flows, gaps or incidents")
  @ApiResponse(responseCode = "404", description = "No such report")
  @Get(value = "/csv/{report}", produces = "text/csv")
  HttpResponse<String> csv(
      String report,
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String channel) {
    var period = Period.parse(from, to, clock);
    if (!CsvReports.NAMES.contains(report)) {
      throw new HttpStatusException(
          HttpStatus.NOT_FOUND, "No report " + report + "; one of " + CsvReports.NAMES);
    }
    var body = CsvReports.render(report, analytics.report(period, channel));
    return HttpResponse.ok(body)
        .contentType(new MediaType("text/csv; charset=utf-8"))
        .header(
            "Content-Disposition",
            "attachment; filename=\"tierzero-"
                + report
                + "-"
                + period.from()
                + "-to-"
                + period.to()
                + ".csv\"");
  }

  private Reports.Report report(
      @Nullable String from, @Nullable String to, @Nullable String channel) {
    return analytics.report(Period.parse(from, to, clock), channel);
  }
}
