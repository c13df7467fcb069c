package io.tierzero.bot.console;

import static io.tierzero.bot.console.Html.escape;
import static io.tierzero.bot.console.Html.percent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.tierzero.bot.analytics.Analytics;
import io.tierzero.bot.analytics.CsvReports;
import io.tierzero.bot.analytics.Period;
import io.tierzero.bot.analytics.Reports;
import io.tierzero.bot.kb.Articles;
import io.tierzero.bot.security.Roles;
import io.tierzero.bot.tickets.AgentActions;
import io.tierzero.bot.tickets.AgentTicket;
import io.tierzero.bot.tickets.Priority;
import io.tierzero.bot.tickets.TicketChange;
import io.tierzero.bot.tickets.TicketService;
import io.tierzero.bot.tickets.TicketStatus;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Decision;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The agents' console: server-rendered pages over the analytics and the tickets. Agents only;
 * an anonymous browser is sent to the sign-in form.
 */
@Controller("/console")
@Secured(Roles.AGENT)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
class ConsoleController {
  /** Bars per chart: more than this stops being readable at a glance. */
  static final int TOP = 8;

  /** A draft's category when no article is close: the agent picks the folder. */
  static final String NO_CATEGORY = "general";

  /** The assignee filter for tickets nobody has taken. */
  static final String NOBODY = "none";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Analytics analytics;
  private final TicketService tickets;
  private final AgentActions actions;
  private final Articles articles;
  private final ConsoleCsrf csrf;
  private final Clock clock = Clock.systemUTC();

  ConsoleController(Analytics analytics, TicketService tickets, AgentActions actions, Articles articles, ConsoleCsrf csrf) {
    this.analytics = analytics;
    this.tickets = tickets;
    this.actions = actions;
    this.articles = articles;
    this.csrf = csrf;
  }

  @Get
  String overview(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    var report = analytics.report(period);
    var s = report.summary();
    var body = new StringBuilder("<h1>Overview</h1>\n").append(Html.rangeForm("/console", period));
    for (var incident : report.incidents()) {
      body.append("<div class=\"alert\" role=\"alert\"><strong>Possible incident:</strong> ")
          .append(incident.conversations()).append(" conversations ")
          .append(incident.kind().equals("tickets") ? "raised tickets in category <strong>" + escape(incident.label()) + "</strong>" : "asked <strong>“" + escape(incident.label()) + "”</strong>")
          .append(" between ").append(WHEN.format(incident.from())).append(" and ").append(WHEN.format(incident.to()))
          .append(". Many users may be hitting the same problem.</div>\n");
    }
    body.append("<section class=\"cards\" aria-label=\"Headline figures\">")
        .append(card("Conversations", String.valueOf(s.conversations()), "Started in the period, with at least one message from the user."))
        .append(card("Containment", percent(s.containment().rate()), s.containment().count() + " of " + s.containment().of() + " conversations ended without a ticket.", s.containment().definition()))
        .append(card("Resolution", percent(s.resolution().rate()), s.resolution().count() + " of " + s.resolution().of() + " conversations solved the problem.", s.resolution().definition()))
        .append(card("Tickets", String.valueOf(s.tickets()), "Raised in the period."))
        .append(card("Questions", String.valueOf(s.questions()), s.abstained() + " without a confident answer."))
        .append(card("Ratings", s.votesUp() + " up · " + s.votesDown() + " down", s.articleViews() + " article views."))
        .append("</section>\n");
    var days = report.days().stream().map(Reports.Day::day).toList();
    body.append("<section class=\"charts\" aria-label=\"Charts\">");
    body.append(figure(Charts.line("chart-conversations", "Conversations and tickets per day", "Count", days,
        List.of(
            new Charts.Series("Conversations", Charts.BLUE, report.days().stream().map(d -> (double) d.conversations()).toList(), false),
            new Charts.Series("Tickets", Charts.RED, report.days().stream().map(d -> (double) d.tickets()).toList(), true)),
        false)));
    body.append(figure(Charts.line("chart-containment", "Containment and resolution per day", "Share of conversations", days,
        List.of(
            new Charts.Series("Containment", Charts.GREEN, report.days().stream().map(Reports.Day::containment).toList(), false),
            new Charts.Series("Resolution", Charts.BLUE, report.days().stream().map(d -> d.conversations() == 0 ? 0 : (double) d.resolved() / d.conversations()).toList(), true)),
        true)));
    body.append(figure(Charts.bars("chart-articles", "Top articles by answers shown", "Answers that offered the article",
        report.articles().stream().filter(a -> a.answersShown() > 0).limit(TOP).map(a -> new Charts.Bar(a.title(), a.answersShown())).toList(), Charts.BLUE)));
    body.append(figure(Charts.bars("chart-gaps", "Top content gaps", "Questions without a good answer",
        report.gaps().stream().limit(TOP).map(g -> new Charts.Bar(g.title(), g.questions())).toList(), Charts.RED)));
    body.append("</section>\n");
    body.append("<h2>Export</h2><p>CSV for the same dates: ");
    for (var name : CsvReports.NAMES) {
      body.append("<a class=\"csv\" href=\"/api/agent/analytics/csv/").append(name).append('?').append(period.query()).append("\" download>").append(name).append("</a> ");
    }
    body.append("</p>\n<h2>Articles</h2>").append(articleTable(report.articles()));
    return page("Overview", "/console", body);
  }

  @Get("/tickets")
  String ticketList(
      @QueryValue @Nullable String status,
      @QueryValue @Nullable String priority,
      @QueryValue @Nullable String queue,
      @QueryValue @Nullable String assignee) {
    var statusFilter = parse(status, TicketStatus::fromJson);
    var priorityFilter = parse(priority, p -> Priority.valueOf(p.toUpperCase(Locale.ROOT)));
    var queueFilter = queue == null || queue.isBlank() ? null : queue.strip();
    var assigneeFilter = assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase(Locale.ROOT);
    var list = tickets.list(statusFilter, queueFilter, priorityFilter, NOBODY.equals(assigneeFilter) ? "" : assigneeFilter, 200);
    var body = new StringBuilder("<h1>Tickets</h1>\n<form class=\"range\" method=\"get\" action=\"/console/tickets\">");
    body.append("<label>Queue <select name=\"queue\"><option value=\"\">any</option>");
    for (var q : actions.queues()) option(body, q, q, q.equals(queueFilter));
    body.append("</select></label><label>Status <select name=\"status\"><option value=\"\">any</option>");
    for (var st : TicketStatus.values()) option(body, st.json(), st.json(), st == statusFilter);
    body.append("</select></label><label>Priority <select name=\"priority\"><option value=\"\">any</option>");
    for (var p : Priority.values()) option(body, p.name(), p.name(), p == priorityFilter);
    body.append("</select></label><label>Assignee <select name=\"assignee\"><option value=\"\">anyone</option>");
    option(body, NOBODY, "nobody", NOBODY.equals(assigneeFilter));
    for (var a : agents()) option(body, a, a, a.equals(assigneeFilter));
    body.append("</select></label><button type=\"submit\">Filter</button></form>\n");
    if (list.isEmpty()) {
      body.append("<p>No tickets.</p>");
    } else {
      body.append("<table><caption class=\"muted\">Newest first</caption><thead><tr><th>Number</th><th>Subject</th><th>Requester</th><th>Category</th><th>Queue</th><th>Priority</th><th>Trigger</th><th>Status</th><th>Assignee</th><th>Raised</th></tr></thead><tbody>");
      for (var t : list) {
        body.append("<tr><td><a href=\"/console/tickets/").append(escape(t.number())).append("\">").append(escape(t.number())).append("</a></td><td>")
            .append(escape(t.subject())).append("</td><td>").append(escape(t.requester().name())).append("</td><td>").append(escape(t.category()))
            .append("</td><td>").append(escape(t.queue())).append("</td><td>").append(t.priority()).append("</td><td>").append(escape(t.trigger()))
            .append("</td><td>").append(t.status().json()).append("</td><td>").append(t.assignee() == null ? "<span class=\"muted\">nobody</span>" : escape(t.assignee()))
            .append("</td><td>").append(WHEN.format(t.createdAt())).append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    return page("Tickets", "/console/tickets", body);
  }

  @Get("/tickets/{number}")
  HttpResponse<String> ticket(String number, @QueryValue @Nullable String saved, Authentication agent) {
    var notice = saved == null ? null : new Notice(false, "Saved: " + saved.replaceAll("[^a-z, ]", "") + ".");
    return tickets.get(number).<HttpResponse<String>>map(t -> HttpResponse.ok(ticketPage(t, agent.getName(), notice))).orElseGet(() -> ticketNotFound(number));
  }

  /**
   * The ticket page's form: any of {@code assignee}, {@code status} and {@code reply}, applied
   * together ({@link AgentActions}); then back to the page, which says what was saved. A move the
   * ticket cannot make, or an assignee who is no agent, shows the page again with the reason and
   * changes nothing. The form's token is checked before this runs ({@link ConsoleCsrfFilter}).
   */
  @Post(value = "/tickets/{number}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<String> work(
      String number,
      @Nullable String assignee,
      @Nullable String status,
      @Nullable String reply,
      Authentication agent) {
    var wanted = parse(status, TicketStatus::fromJson);
    if (status != null && !status.isBlank() && wanted == null) {
      return refused(number, agent, HttpStatus.BAD_REQUEST, "status must be one of: new, open, pending, resolved, closed");
    }
    try {
      var result = actions.apply(number, new AgentActions.Request(assignee, wanted, reply), agent.getName());
      if (result.isEmpty()) return ticketNotFound(number);
      var kinds = result.get().changes().stream().map(c -> c.kind()).distinct().toList();
      var saved = kinds.isEmpty() ? "nothing changed" : String.join(", ", kinds);
      return HttpResponse.<String>seeOther(URI.create("/console/tickets/" + percentEncoded(result.get().ticket().number()) + "?saved=" + percentEncoded(saved)));
    } catch (AgentActions.TransitionRefusedException e) {
      return refused(number, agent, HttpStatus.CONFLICT, e.getMessage());
    } catch (IllegalArgumentException e) {
      return refused(number, agent, HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private HttpResponse<String> refused(String number, Authentication agent, HttpStatus status, String message) {
    return tickets.get(number)
        .<HttpResponse<String>>map(t -> HttpResponse.<String>status(status).body(ticketPage(t, agent.getName(), new Notice(true, message))))
        .orElseGet(() -> ticketNotFound(number));
  }

  private HttpResponse<String> ticketNotFound(String number) {
    return HttpResponse.<String>notFound().body(
        page("Ticket not found", "/console/tickets", "<h1>Ticket not found</h1><p>There is no ticket " + escape(number) + ". <a href=\"/console/tickets\">All tickets</a></p>"));
  }

  /** What the page says above the ticket's controls: saved, or why not. */
  private record Notice(boolean error, String text) {}

  @Get("/gaps")
  String gaps(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    var gaps = analytics.report(period).gaps();
    var body = new StringBuilder("<h1>Content gaps</h1>\n").append(Html.rangeForm("/console/gaps", period));
    body.append("<p class=\"muted\">Questions the bot found no confident answer to, or whose answer was rated down, grouped by meaning, most frequent first.</p>");
    if (gaps.isEmpty()) {
      body.append("<p>No gaps in this period.</p>");
    } else {
      body.append("<table><thead><tr><th>Question</th><th>Asked</th><th>Conversations</th><th>No answer</th><th>Rated down</th><th>Other wordings</th><th>Reasons</th><th>Last asked</th><th></th></tr></thead><tbody>");
      for (var g : gaps) {
        body.append("<tr><td>").append(escape(g.title())).append("</td><td class=\"n\">").append(g.questions()).append("</td><td class=\"n\">").append(g.conversations())
            .append("</td><td class=\"n\">").append(g.abstained()).append("</td><td class=\"n\">").append(g.ratedDown()).append("</td><td>")
            .append(escape(String.join(" · ", g.examples().subList(1, g.examples().size())))).append("</td><td>")
            .append(escape(String.join(", ", g.reasons().stream().map(c -> c.key() + " " + c.count()).toList()))).append("</td><td>")
            .append(WHEN.format(g.lastAsked())).append("</td><td><a href=\"/console/gaps/").append(g.key()).append("/draft?").append(period.query())
            .append("\">Draft article</a></td></tr>");
      }
      body.append("</tbody></table>");
    }
    return page("Content gaps", "/console/gaps", body);
  }

  @Get("/gaps/{key}/draft")
  HttpResponse<String> draft(String key, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    return draftOf(key, period)
        .map(d -> HttpResponse.ok(page("Draft article", "/console/gaps",
            "<h1>Draft article</h1><p>Save it as <code>articles/" + escape(d.category()) + "/" + escape(d.id()) + ".md</code>, finish the TODOs, run <code>kb-indexer validate</code> and commit.</p>"
                + "<p><a href=\"/console/gaps/" + escape(key) + "/draft.md?" + period.query() + "\" download=\"" + escape(d.id()) + ".md\">Download " + escape(d.id()) + ".md</a></p>"
                + "<label for=\"draft\">Markdown</label><textarea id=\"draft\" rows=\"28\" readonly>" + escape(d.markdown()) + "</textarea>")))
        .orElseGet(() -> HttpResponse.<String>notFound().body(page("Gap not found", "/console/gaps", "<h1>Gap not found</h1><p>No such gap in this period. <a href=\"/console/gaps\">Content gaps</a></p>")));
  }

  @Get(value = "/gaps/{key}/draft.md", produces = "text/markdown")
  HttpResponse<String> draftFile(String key, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    return draftOf(key, period)
        .map(d -> HttpResponse.ok(d.markdown())
            .contentType(new MediaType("text/markdown; charset=utf-8"))
            .header("Content-Disposition", "attachment; filename=\"" + d.id() + ".md\""))
        .orElseGet(HttpResponse::notFound);
  }

  @Get("/flows")
  String flows(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    var flows = analytics.report(period).flows();
    var body = new StringBuilder("<h1>Guided fixes</h1>\n").append(Html.rangeForm("/console/flows", period));
    if (flows.isEmpty()) body.append("<p>No guided fix was started in this period.</p>");
    for (var f : flows) {
      body.append("<h2>").append(escape(f.id())).append("</h2><p>").append(f.starts()).append(" started. Outcomes: ")
          .append(escape(String.join(", ", f.outcomes().stream().map(c -> c.key() + " " + c.count()).toList()))).append(".</p>");
      body.append(figure(Charts.bars("funnel-" + f.id(), "Funnel: " + f.id(), "Runs that reached the step",
          f.steps().stream().map(st -> new Charts.Bar(st.id(), st.reached())).toList(), Charts.BLUE)));
      body.append("<table><thead><tr><th>Step</th><th>Reached</th><th>Stopped here</th></tr></thead><tbody>");
      for (var st : f.steps()) {
        body.append("<tr><td>").append(escape(st.id())).append("</td><td class=\"n\">").append(st.reached()).append("</td><td class=\"n\">").append(st.droppedHere()).append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    return page("Guided fixes", "/console/flows", body);
  }

  /**
   * {@link Html#page} with this session's form token. The request is the one being served
   * (Micronaut keeps it for the handling thread), so every page's sign-out form carries it without
   * each handler passing the request on.
   */
  private String page(String title, String current, CharSequence body) {
    return Html.page(title, current, body, csrfToken());
  }

  private String csrfToken() {
    return ServerRequestContext.currentRequest()
        .flatMap(r -> r.getUserPrincipal(Authentication.class))
        .flatMap(csrf::forSession)
        .orElse("");
  }

  private java.util.Optional<ArticleDraft> draftOf(String key, Period period) {
    return analytics.gap(period, key).map(g -> ArticleDraft.of(g, category(g.title()), period, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
  }

  /**
   * A folder that exists: the category of the article nearest to the question, even when the
   * knowledge base would not offer it (a gap often sits next to a written article), else the
   * largest category. The draft page names it, for the agent to change if it is wrong.
   */
  private String category(String question) {
    var nearest = articles.search(question, 1).hits().stream().findFirst().flatMap(h -> articles.article(h.id())).map(Article::category);
    return nearest.filter(c -> !c.isBlank()).orElseGet(this::largestCategory);
  }

  private String largestCategory() {
    var counts = new java.util.TreeMap<String, Integer>();
    articles.all().stream().map(Article::category).filter(c -> !c.isBlank()).forEach(c -> counts.merge(c, 1, Integer::sum));
    return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(NO_CATEGORY);
  }

  private String ticketPage(AgentTicket t, String agent, @Nullable Notice notice) {
    var body = new StringBuilder("<p><a href=\"/console/tickets\">All tickets</a></p><h1>").append(escape(t.number())).append(": ").append(escape(t.subject())).append("</h1>\n");
    if (notice != null) {
      body.append("<p id=\"notice\" class=\"").append(notice.error() ? "error\" role=\"alert" : "saved\" role=\"status").append("\">").append(escape(notice.text())).append("</p>");
    }
    body.append(workForms(t, agent.toLowerCase(Locale.ROOT)));
    body.append("<dl>");
    dl(body, "Requester", t.requester().name() + " <" + t.requester().email() + ">");
    dl(body, "Status", t.status().json());
    dl(body, "Assignee", t.assignee() == null ? "nobody" : t.assignee());
    dl(body, "Priority", t.priority() + " (" + t.priorityReason() + ")");
    dl(body, "Category / queue", t.category() + " / " + t.queue());
    dl(body, "Trigger", t.trigger());
    dl(body, "Raised", WHEN.format(t.createdAt()));
    if (t.pageUrl() != null) dl(body, "Page", t.pageUrl());
    if (t.browser() != null) dl(body, "Browser", t.browser());
    body.append("</dl>\n<h2>Description</h2><p style=\"white-space:pre-line\">").append(escape(t.description())).append("</p>");
    var context = t.context();
    if (context != null && !context.articles().isEmpty()) {
      body.append("<h2>Articles shown</h2><ul>");
      context.articles().forEach(a -> body.append("<li><a href=\"").append(escape(a.url())).append("\">").append(escape(a.title())).append("</a> (confidence ")
          .append(percent(a.confidence())).append(a.rating() == null ? "" : ", rated " + escape(a.rating())).append(")</li>"));
      body.append("</ul>");
    }
    if (context != null && context.flow() != null) {
      var flow = context.flow();
      body.append("<h2>Guided fix</h2><p>").append(escape(flow.id())).append(flow.stepReached() == null ? "" : ", reached step " + escape(flow.stepReached()))
          .append(flow.reason() == null ? "" : ": " + escape(flow.reason())).append("</p><ul>");
      flow.tried().forEach(line -> body.append("<li>").append(escape(line)).append("</li>"));
      body.append("</ul>");
    }
    var history = t.updates() == null ? List.<TicketChange>of() : t.updates();
    if (!history.isEmpty()) {
      body.append("<h2>History</h2><ol class=\"history\" aria-label=\"History\">");
      for (var change : history) {
        body.append("<li data-kind=\"").append(escape(change.kind())).append("\"><span class=\"meta\">").append(WHEN.format(change.at())).append(" · ")
            .append(escape(change.by() != null ? change.by() : TicketChange.REPLY.equals(change.kind()) || TicketChange.STATUS.equals(change.kind()) ? "help desk" : "requester"))
            .append(" · ").append(escape(change.kind())).append("</span>");
        if (change.text() != null) body.append(" <span style=\"white-space:pre-line\">").append(escape(change.text())).append("</span>");
        body.append("</li>");
      }
      body.append("</ol>");
    }
    body.append("<h2>Transcript</h2><ol class=\"transcript\" aria-label=\"Transcript\">");
    if (context != null) {
      for (var line : context.transcript()) {
        body.append("<li class=\"").append("user".equals(line.from()) ? "user" : "bot").append("\"><div class=\"meta\">")
            .append("user".equals(line.from()) ? "User" : "Bot" + (line.type() == null ? "" : " · " + escape(line.type())))
            .append(" · ").append(WHEN.format(line.at())).append("</div>").append(escape(line.text())).append("</li>");
      }
    }
    body.append("</ol>");
    return page(t.number(), "/console/tickets", body);
  }

  /**
   * Taking the ticket in one click, and the form that changes assignee, status and replies to the
   * requester. The status list offers only the moves the ticket's life allows, with the current
   * status first; the server checks again.
   */
  private String workForms(AgentTicket t, String agent) {
    var action = "/console/tickets/" + escape(t.number());
    var token = csrfToken();
    var out = new StringBuilder("<section class=\"work\" aria-labelledby=\"work-title\"><h2 id=\"work-title\">Work on this ticket</h2>");
    if (!agent.equals(t.assignee())) {
      out.append("<form method=\"post\" action=\"").append(action).append("\" class=\"take\">").append(Html.csrfField(token))
          .append("<input type=\"hidden\" name=\"assignee\" value=\"").append(escape(agent)).append("\">")
          .append("<button type=\"submit\" id=\"take\">Take this ticket</button></form>");
    }
    out.append("<form method=\"post\" action=\"").append(action).append("\" class=\"range\" id=\"work\">").append(Html.csrfField(token));
    out.append("<label>Assignee <select name=\"assignee\" id=\"assignee\"><option value=\"\"").append(t.assignee() == null ? " selected" : "").append(">nobody</option>");
    var names = new java.util.TreeSet<>(agents());
    names.add(agent);
    if (t.assignee() != null) names.add(t.assignee());
    for (var a : names) option(out, a, a, a.equals(t.assignee()));
    out.append("</select></label><label>Status <select name=\"status\" id=\"status\">");
    option(out, t.status().json(), t.status().json() + " (now)", true);
    for (var next : TicketStatus.values()) {
      if (next != t.status() && t.status().allows(next)) option(out, next.json(), next.json(), false);
    }
    out.append("</select></label><label style=\"flex:1 1 24rem\">Reply to the requester <textarea name=\"reply\" id=\"reply\" rows=\"3\" maxlength=\"")
        .append(AgentActions.MAX_REPLY).append("\" style=\"font-family:inherit\"></textarea></label>")
        .append("<button type=\"submit\" id=\"save\">Save</button></form>")
        .append("<p class=\"muted\">The requester sees a new status and your reply in the chat; every change goes to the help desk's sinks.</p></section>\n");
    return out.toString();
  }

  private static void option(StringBuilder out, String value, String label, boolean selected) {
    out.append("<option value=\"").append(escape(value)).append('"').append(selected ? " selected" : "").append('>').append(escape(label)).append("</option>");
  }

  /** Every configured agent; the console's own agent is among them. */
  private List<String> agents() {
    return actions.agents();
  }

  private static String percentEncoded(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void dl(StringBuilder body, String term, String value) {
    body.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
  }

  private static String card(String label, String value, String note) {
    return "<div class=\"card\"><div class=\"label\">" + escape(label) + "</div><div class=\"value\">" + escape(value) + "</div><p>" + escape(note) + "</p></div>";
  }

  /** A figure whose definition is long: the definition folds out next to it. */
  private static String card(String label, String value, String note, String definition) {
    return "<div class=\"card\"><div class=\"label\">" + escape(label) + "</div><div class=\"value\">" + escape(value) + "</div><p>" + escape(note)
        + "</p><details><summary>How it is counted</summary><p>" + escape(definition) + "</p></details></div>";
  }

  private static String figure(String svg) {
    return "<figure>" + svg + "</figure>";
  }

  private static String articleTable(List<Reports.Article> list) {
    var body = new StringBuilder("<table><thead><tr><th>Article</th><th>Category</th><th>Views</th><th>Answers shown</th><th>Up</th><th>Down</th><th>Helpfulness</th></tr></thead><tbody>");
    for (var a : list) {
      body.append("<tr><td><a href=\"/kb/").append(escape(a.id())).append("\">").append(escape(a.title())).append("</a></td><td>").append(escape(a.category()))
          .append("</td><td class=\"n\">").append(a.views()).append("</td><td class=\"n\">").append(a.answersShown()).append("</td><td class=\"n\">").append(a.up())
          .append("</td><td class=\"n\">").append(a.down()).append("</td><td class=\"n\">").append(percent(a.helpfulness())).append("</td></tr>");
    }
    return body.append("</tbody></table>").toString();
  }

  private static <T> @Nullable T parse(@Nullable String value, java.util.function.Function<String, T> parser) {
    if (value == null || value.isBlank()) return null;
    try {
      return parser.apply(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
