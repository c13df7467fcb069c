package io.tierzero.bot.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.tierzero.bot.analytics.Analytics;
import io.tierzero.bot.analytics.CsvReports;
import io.tierzero.bot.analytics.Period;
import io.tierzero.bot.analytics.Reports;
import io.tierzero.bot.kb.Articles;
import io.tierzero.bot.pages.View;
import io.tierzero.bot.security.Roles;
import io.tierzero.bot.tickets.AgentActions;
import io.tierzero.bot.tickets.AgentTicket;
import io.tierzero.bot.tickets.Priority;
import io.tierzero.bot.tickets.TicketQueries;
import io.tierzero.bot.tickets.TicketStatus;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.SearchHit;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The agents' console: server-rendered pages (templates in {@code src/main/jte/console}) over the
 * analytics and the tickets. Agents only; an anonymous browser is sent to the sign-in form.
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

  private final Analytics analytics;
  private final TicketQueries tickets;
  private final AgentActions actions;
  private final Articles articles;
  private final ConsoleCsrf csrf;
  private final Clock clock;

  ConsoleController(
      Analytics analytics,
      TicketQueries tickets,
      AgentActions actions,
      Articles articles,
      ConsoleCsrf csrf,
      Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
    this.tickets = tickets;
    this.actions = actions;
    this.articles = articles;
    this.csrf = csrf;
  }

  @Get
  ModelAndView<Map<String, Object>> overview(
      @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    var report = analytics.report(period);
    var days = report.days().stream().map(Reports.Day::day).toList();
    var charts =
        List.of(
            Charts.line(
                "chart-conversations",
                "Conversations and tickets per day",
                "Count",
                days,
                List.of(
                    new Charts.Series(
                        "Conversations",
                        Charts.BLUE,
                        report.days().stream().map(d -> (double) d.conversations()).toList(),
                        false),
                    new Charts.Series(
                        "Tickets",
                        Charts.RED,
                        report.days().stream().map(d -> (double) d.tickets()).toList(),
                        true)),
                false),
            Charts.line(
                "chart-containment",
                "Containment and resolution per day",
                "Share of conversations",
                days,
                List.of(
                    new Charts.Series(
                        "Containment",
                        Charts.GREEN,
                        report.days().stream().map(Reports.Day::containment).toList(),
                        false),
                    new Charts.Series(
                        "Resolution",
                        Charts.BLUE,
                        report.days().stream()
                            .map(
                                d ->
                                    d.conversations() == 0
                                        ? 0
                                        : (double) d.resolved() / d.conversations())
                            .toList(),
                        true)),
                true),
            Charts.bars(
                "chart-articles",
                "Top articles by answers shown",
                "Answers that offered the article",
                report.articles().stream()
                    .filter(a -> a.answersShown() > 0)
                    .limit(TOP)
                    .map(a -> new Charts.Bar(a.title(), a.answersShown()))
                    .toList(),
                Charts.BLUE),
            Charts.bars(
                "chart-gaps",
                "Top content gaps",
                "Questions without a good answer",
                report.gaps().stream()
                    .limit(TOP)
                    .map(g -> new Charts.Bar(g.title(), g.questions()))
                    .toList(),
                Charts.RED));
    return page(
        "console/overview",
        "period",
        period,
        "summary",
        report.summary(),
        "incidents",
        report.incidents(),
        "charts",
        charts,
        "csvNames",
        CsvReports.NAMES,
        "articles",
        report.articles());
  }

  @Get("/tickets")
  ModelAndView<Map<String, Object>> ticketList(
      @QueryValue @Nullable String status,
      @QueryValue @Nullable String priority,
      @QueryValue @Nullable String queue,
      @QueryValue @Nullable String assignee) {
    var statusFilter = parse(status, TicketStatus::fromJson);
    var priorityFilter = parse(priority, p -> Priority.valueOf(p.toUpperCase(Locale.ROOT)));
    var queueFilter = queue == null || queue.isBlank() ? null : queue.strip();
    var assigneeFilter =
        assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase(Locale.ROOT);
    var list =
        tickets.list(
            statusFilter,
            queueFilter,
            priorityFilter,
            NOBODY.equals(assigneeFilter) ? "" : assigneeFilter,
            200);
    return page(
        "console/tickets",
        "queues",
        actions.queues(),
        "agents",
        agents(),
        "nobody",
        NOBODY,
        "queue",
        queueFilter,
        "status",
        statusFilter,
        "priority",
        priorityFilter,
        "assignee",
        assigneeFilter,
        "tickets",
        list);
  }

  @Get("/tickets/{number}")
  HttpResponse<?> ticket(String number, @QueryValue @Nullable String saved, Authentication agent) {
    var notice =
        saved == null
            ? null
            : new Notice(false, "Saved: " + saved.replaceAll("[^a-z, ]", "") + ".");
    return tickets
        .get(number)
        .<HttpResponse<?>>map(t -> HttpResponse.ok(ticketPage(t, agent.getName(), notice)))
        .orElseGet(() -> ticketNotFound(number));
  }

  /**
   * The ticket page's form: any of {@code assignee}, {@code status} and {@code reply}, applied
   * together ({@link AgentActions}); then back to the page, which says what was saved. A move the
   * ticket cannot make, or an assignee who is no agent, shows the page again with the reason and
   * changes nothing. The form's token is checked before this runs ({@link ConsoleCsrfFilter}).
   */
  @Post(value = "/tickets/{number}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> work(
      String number,
      @Nullable String assignee,
      @Nullable String status,
      @Nullable String reply,
      Authentication agent) {
    var wanted = parse(status, TicketStatus::fromJson);
    if (status != null && !status.isBlank() && wanted == null) {
      return refused(
          number,
          agent,
          HttpStatus.BAD_REQUEST,
          "status must be one of: new, open, pending, resolved, closed");
    }
    try {
      var result =
          actions.apply(number, new AgentActions.Request(assignee, wanted, reply), agent.getName());
      if (result.isEmpty()) return ticketNotFound(number);
      var kinds = result.get().changes().stream().map(c -> c.kind()).distinct().toList();
      var saved = kinds.isEmpty() ? "nothing changed" : String.join(", ", kinds);
      return HttpResponse.seeOther(
          URI.create(
              "/console/tickets/"
                  + percentEncoded(result.get().ticket().number())
                  + "?saved="
                  + percentEncoded(saved)));
    } catch (AgentActions.TransitionRefusedException e) {
      return refused(number, agent, HttpStatus.CONFLICT, e.getMessage());
    } catch (IllegalArgumentException e) {
      return refused(number, agent, HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private HttpResponse<?> refused(
      String number, Authentication agent, HttpStatus status, String message) {
    return tickets
        .get(number)
        .<HttpResponse<?>>map(
            t ->
                HttpResponse.status(status)
                    .body(ticketPage(t, agent.getName(), new Notice(true, message))))
        .orElseGet(() -> ticketNotFound(number));
  }

  private HttpResponse<?> ticketNotFound(String number) {
    return HttpResponse.notFound(
        page(
            "console/message",
            "title",
            "Ticket not found",
            "current",
            "/console/tickets",
            "text",
            "There is no ticket " + number + ".",
            "href",
            "/console/tickets",
            "link",
            "All tickets"));
  }

  /** What the page says above the ticket's controls: saved, or why not. */
  private record Notice(boolean error, String text) {}

  @Get("/gaps")
  ModelAndView<Map<String, Object>> gaps(
      @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    return page("console/gaps", "period", period, "gaps", analytics.report(period).gaps());
  }

  @Get("/gaps/{key}/draft")
  HttpResponse<?> draft(
      String key, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    return draftOf(key, period)
        .<HttpResponse<?>>map(
            d ->
                HttpResponse.ok(
                    page(
                        "console/draft",
                        "period",
                        period,
                        "key",
                        key,
                        "category",
                        d.category(),
                        "id",
                        d.id(),
                        "markdown",
                        d.markdown())))
        .orElseGet(
            () ->
                HttpResponse.notFound(
                    page(
                        "console/message",
                        "title",
                        "Gap not found",
                        "current",
                        "/console/gaps",
                        "text",
                        "No such gap in this period.",
                        "href",
                        "/console/gaps",
                        "link",
                        "Content gaps")));
  }

  @Get(value = "/gaps/{key}/draft.md", produces = "text/markdown")
  HttpResponse<String> draftFile(
      String key, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    return draftOf(key, period)
        .map(
            d ->
                HttpResponse.ok(d.markdown())
                    .contentType(new MediaType("text/markdown; charset=utf-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + d.id() + ".md\""))
        .orElseGet(HttpResponse::notFound);
  }

  @Get("/flows")
  ModelAndView<Map<String, Object>> flows(
      @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
    var period = Period.parse(from, to, clock);
    var flows = analytics.report(period).flows();
    var funnels = new HashMap<String, Charts.Chart>();
    for (var f : flows) {
      funnels.put(
          f.id(),
          Charts.bars(
              "funnel-" + f.id(),
              "Funnel: " + f.id(),
              "Runs that reached the step",
              f.steps().stream().map(st -> new Charts.Bar(st.id(), st.reached())).toList(),
              Charts.BLUE));
    }
    return page("console/flows", "period", period, "flows", flows, "funnels", funnels);
  }

  /**
   * A console page with this session's form token for its sign-out form. The request is the one
   * being served (Micronaut keeps it for the handling thread), so no handler passes it on.
   */
  private ModelAndView<Map<String, Object>> page(String template, Object... params) {
    var view = View.of(template, params);
    view.getModel().orElseThrow().put("csrf", csrfToken());
    return view;
  }

  private String csrfToken() {
    return ServerRequestContext.currentRequest()
        .flatMap(r -> r.getUserPrincipal(Authentication.class))
        .flatMap(csrf::forSession)
        .orElse("");
  }

  private Optional<ArticleDraft> draftOf(String key, Period period) {
    return analytics
        .gap(period, key)
        .map(
            g ->
                ArticleDraft.of(
                    g, category(g.title()), period, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
  }

  /**
   * A folder that exists: the category of the article nearest to the question, even when the
   * knowledge base would not offer it (a gap often sits next to a written article), else the
   * largest category. The draft page names it, for the agent to change if it is wrong.
   */
  private String category(String question) {
    var nearest = articles.search(question, 1).hits().stream().findFirst().map(SearchHit::category);
    return nearest.filter(c -> !c.isBlank()).orElseGet(this::largestCategory);
  }

  private String largestCategory() {
    var counts = new TreeMap<String, Integer>();
    articles.all().stream()
        .map(Article::category)
        .filter(c -> !c.isBlank())
        .forEach(c -> counts.merge(c, 1, Integer::sum));
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(NO_CATEGORY);
  }

  /**
   * The ticket with the controls to work on it. The assignee list is every agent plus this one and
   * the current assignee; the status list only the moves the ticket's life allows.
   */
  private ModelAndView<Map<String, Object>> ticketPage(
      AgentTicket t, String agent, @Nullable Notice notice) {
    var names = new TreeSet<>(agents());
    var me = agent.toLowerCase(Locale.ROOT);
    names.add(me);
    if (t.assignee() != null) names.add(t.assignee());
    var next =
        Arrays.stream(TicketStatus.values())
            .filter(s -> s != t.status() && t.status().allows(s))
            .toList();
    return page(
        "console/ticket",
        "t",
        t,
        "agent",
        me,
        "noticeError",
        notice == null ? null : notice.error(),
        "notice",
        notice == null ? null : notice.text(),
        "assignees",
        names,
        "nextStatuses",
        next,
        "maxReply",
        AgentActions.MAX_REPLY);
  }

  /** Every configured agent; the console's own agent is among them. */
  private List<String> agents() {
    return actions.agents();
  }

  private static String percentEncoded(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static <T> @Nullable T parse(@Nullable String value, Function<String, T> parser) {
    if (value == null || value.isBlank()) return null;
    try {
      return parser.apply(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
