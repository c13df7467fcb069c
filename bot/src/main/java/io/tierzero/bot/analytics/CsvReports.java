package io.tierzero.bot.analytics;

import java.util.List;

/** Each report as a CSV table, one row per item, with a header row. */
public final class CsvReports {
  public static final List<String> NAMES =
      List.of("summary", "days", "articles", "tickets", "flows", "gaps", "incidents");

  private CsvReports() {}

  public static String render(String name, Reports.Report report) {
    var csv = new Csv();
    switch (name) {
      case "summary" -> {
        var s = report.summary();
        csv.row("figure", "value", "count", "of", "definition");
        csv.row("from", s.period().from(), "", "", "");
        csv.row("to", s.period().to(), "", "", "");
        csv.row("conversations", s.conversations(), "", "", "");
        csv.row(
            "containment",
            s.containment().rate(),
            s.containment().count(),
            s.containment().of(),
            s.containment().definition());
        csv.row(
            "resolution",
            s.resolution().rate(),
            s.resolution().count(),
            s.resolution().of(),
            s.resolution().definition());
        csv.row("tickets", s.tickets(), "", "", "");
        csv.row("questions", s.questions(), "", "", "");
        csv.row("abstained", s.abstained(), "", "", "");
        csv.row("votes_up", s.votesUp(), "", "", "");
        csv.row("votes_down", s.votesDown(), "", "", "");
        csv.row("article_views", s.articleViews(), "", "", "");
        csv.row("incidents", s.incidents(), "", "", "");
      }
      case "days" -> {
        csv.row("day", "conversations", "contained", "resolved", "tickets", "containment");
        report
            .days()
            .forEach(
                d ->
                    csv.row(
                        d.day(),
                        d.conversations(),
                        d.contained(),
                        d.resolved(),
                        d.tickets(),
                        d.containment()));
      }
      case "articles" -> {
        csv.row(
            "article", "title", "category", "views", "answers_shown", "up", "down", "helpfulness");
        report
            .articles()
            .forEach(
                a ->
                    csv.row(
                        a.id(),
                        a.title(),
                        a.category(),
                        a.views(),
                        a.answersShown(),
                        a.up(),
                        a.down(),
                        a.helpfulness()));
      }
      case "tickets" -> {
        csv.row("dimension", "value", "tickets");
        report.tickets().byCategory().forEach(c -> csv.row("category", c.key(), c.count()));
        report.tickets().byPriority().forEach(c -> csv.row("priority", c.key(), c.count()));
        report.tickets().byTrigger().forEach(c -> csv.row("trigger", c.key(), c.count()));
      }
      case "flows" -> {
        csv.row("flow", "starts", "step", "reached", "stopped_here");
        report
            .flows()
            .forEach(
                f ->
                    f.steps()
                        .forEach(
                            s ->
                                csv.row(f.id(), f.starts(), s.id(), s.reached(), s.droppedHere())));
      }
      case "gaps" -> {
        csv.row(
            "key",
            "question",
            "questions",
            "conversations",
            "abstained",
            "rated_down",
            "examples",
            "last_asked");
        report
            .gaps()
            .forEach(
                g ->
                    csv.row(
                        g.key(),
                        g.title(),
                        g.questions(),
                        g.conversations(),
                        g.abstained(),
                        g.ratedDown(),
                        String.join(" | ", g.examples()),
                        g.lastAsked()));
      }
      case "incidents" -> {
        csv.row("kind", "label", "conversations", "from", "to", "examples");
        report
            .incidents()
            .forEach(
                i ->
                    csv.row(
                        i.kind(),
                        i.label(),
                        i.conversations(),
                        i.from(),
                        i.to(),
                        String.join(" | ", i.examples())));
      }
      default -> throw new IllegalArgumentException("No report " + name);
    }
    return csv.toString();
  }
}
