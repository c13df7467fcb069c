package io.tierzero.bot.analytics;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.analytics.Reports.Count;
import io.tierzero.bot.analytics.Snapshot.Conv;
import io.tierzero.bot.analytics.Snapshot.Msg;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.flows.FlowCatalog;
import io.tierzero.bot.kb.Articles;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Ratings;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Computes the analytics reports for a period from one {@link Snapshot}. */
@Singleton
public class Analytics {
  public static final String CONTAINMENT =
      "Conversations in which the user asked at least one thing and no ticket was raised, out of"
          + " all conversations started in the period in which the user asked at least one thing (a"
          + " widget opened and closed without a message is not a conversation).";

  public static final String RESOLUTION =
      "Conversations with a positive signal and no return, out of the same conversations as"
          + " containment. Positive signal: the user's latest thumbs in the conversation was up, or"
          + " they answered \"That worked\", or a guided fix ran its actions successfully and did"
          + " not escalate. Return: the same user started another conversation on the same topic"
          + " within 7 days. Same user means the same email address, which the bot only knows when"
          + " a ticket or a guided fix asked for it (the widget keeps no identity), so"
          + " conversations without one are never counted as returning. Topic means the category of"
          + " the article or guided fix the bot offered, else the ticket's category; when either"
          + " conversation has none, any return of the same user counts.";

  /** Examples shown per gap or burst: enough to see the variety, few enough to read. */
  static final int MAX_EXAMPLES = 5;

  private static final Set<String> QUESTION_REPLIES = Set.of("answer", "clarify", "no_answer");
  private static final String THAT_WORKED = Texts.normalize(Options.THAT_WORKED);

  private final AnalyticsStore store;
  private final QuestionGroups groups;
  private final Articles articles;
  private final AnalyticsConfiguration config;
  private final FlowCatalog flows;

  Analytics(
      AnalyticsStore store,
      QuestionGroups groups,
      Articles articles,
      AnalyticsConfiguration config,
      FlowCatalog flows) {
    this.flows = Objects.requireNonNull(flows, "flows");
    this.store = Objects.requireNonNull(store, "store");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.articles = Objects.requireNonNull(articles, "articles");
    this.config = Objects.requireNonNull(config, "config");
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
    var all = snapshot.conversations();
    var inPeriod = all.stream().filter(c -> period.contains(c.createdAt())).toList();
    var asked = inPeriod.stream().filter(c -> c.userMessages() > 0).toList();
    var tickets = snapshot.tickets().stream().filter(t -> period.contains(t.createdAt())).toList();
    var flowRuns =
        snapshot.flowRuns().stream().filter(r -> period.contains(r.startedAt())).toList();
    var views = snapshot.articleViews();

    var resolved = resolved(asked, all, snapshot.flowRuns());
    long contained = asked.stream().filter(c -> c.ticket() == null).count();
    var questions = questions(inPeriod);
    long abstained = questions.stream().filter(q -> q.abstained).count();
    var votes = latestArticleVotes(inPeriod);
    long up =
        inPeriod.stream().flatMap(c -> c.votes().stream()).filter(Snapshot.VoteRow::up).count();
    long down = inPeriod.stream().flatMap(c -> c.votes().stream()).filter(v -> !v.up()).count();
    var incidents = incidents(questions, tickets);
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
            incidents.size());
    return new Reports.Report(
        summary,
        days(period, asked, resolved, tickets),
        articleStats(inPeriod, votes, views),
        ticketStats(tickets),
        flowStats(flowRuns),
        gaps(inPeriod, questions),
        incidents);
  }

  /** The gap with {@code key} in the period, for the draft article. */
  public Optional<Reports.Gap> gap(Period period, String key) {
    return report(period).gaps().stream().filter(g -> g.key().equals(key)).findFirst();
  }

  // --- conversations ---------------------------------------------------------------------------

  private Set<String> resolved(List<Conv> asked, List<Conv> all, List<Snapshot.FlowRunRow> runs) {
    var runsByConversation = new HashMap<String, List<Snapshot.FlowRunRow>>();
    runs.forEach(
        r -> runsByConversation.computeIfAbsent(r.conversationId(), k -> new ArrayList<>()).add(r));
    var emails = new HashMap<String, String>();
    var topics = new HashMap<String, String>();
    for (var c : all) {
      var flows = runsByConversation.getOrDefault(c.id(), List.of());
      // Users are compared by a hash of their email: flows keep only the hash.
      var email =
          c.ticket() != null
              ? FlowRunRecorder.userKey(c.ticket().email())
              : flows.stream()
                  .map(Snapshot.FlowRunRow::userKey)
                  .filter(Objects::nonNull)
                  .findFirst()
                  .orElse(null);
      if (email != null) emails.put(c.id(), email);
      var topic = topic(c, flows);
      if (topic != null) topics.put(c.id(), topic);
    }
    var out = new HashSet<String>();
    for (var c : asked) {
      if (!positive(c, runsByConversation.getOrDefault(c.id(), List.of()))) continue;
      var email = emails.get(c.id());
      boolean returned =
          email != null
              && all.stream()
                  .anyMatch(
                      other ->
                          !other.id().equals(c.id())
                              && email.equals(emails.get(other.id()))
                              && other.createdAt().isAfter(c.createdAt())
                              && !other
                                  .createdAt()
                                  .isAfter(c.createdAt().plus(config.returnWindow()))
                              && sameTopic(topics.get(c.id()), topics.get(other.id())));
      if (!returned) out.add(c.id());
    }
    return out;
  }

  private static boolean positive(Conv c, List<Snapshot.FlowRunRow> runs) {
    var votes = c.votes();
    if (!votes.isEmpty()
        && votes.stream().max(Comparator.comparing(Snapshot.VoteRow::at)).orElseThrow().up())
      return true;
    if (c.messages().stream()
        .anyMatch(m -> m.fromUser() && Texts.normalize(m.body()).equals(THAT_WORKED))) return true;
    return runs.stream().anyMatch(r -> r.actionsSucceeded() && !"escalated".equals(r.outcome()));
  }

  private static boolean sameTopic(String a, String b) {
    return a == null || b == null || a.equals(b);
  }

  /** The category of the first article the bot offered, else the fix's, else the ticket's. */
  private String topic(Conv c, List<Snapshot.FlowRunRow> runs) {
    for (var m : c.messages()) {
      for (var id : m.articles()) {
        var category = articles.article(id).map(Article::category).filter(s -> !s.isBlank());
        if (category.isPresent()) return category.get();
      }
    }
    for (var r : runs) {
      var category =
          articles.all().stream()
              .filter(a -> r.flowId().equals(a.flow()))
              .map(Article::category)
              .findFirst();
      if (category.isPresent()) return category.get();
    }
    return c.ticket() == null ? null : c.ticket().category();
  }

  private List<Reports.Day> days(
      Period period, List<Conv> asked, Set<String> resolved, List<Snapshot.TicketRow> tickets) {
    var days = new ArrayList<Reports.Day>(period.days());
    for (var day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
      var d = day;
      var those =
          asked.stream()
              .filter(c -> c.createdAt().atZone(ZoneOffset.UTC).toLocalDate().equals(d))
              .toList();
      days.add(
          new Reports.Day(
              day,
              those.size(),
              those.stream().filter(c -> c.ticket() == null).count(),
              those.stream().filter(c -> resolved.contains(c.id())).count(),
              tickets.stream()
                  .filter(t -> t.createdAt().atZone(ZoneOffset.UTC).toLocalDate().equals(d))
                  .count()));
    }
    return days;
  }

  // --- questions, gaps and bursts --------------------------------------------------------------

  /** A user message the bot treated as a question, and whether it was a gap. */
  static final class Question {
    final String conversationId;
    final String text;
    final Instant at;
    boolean abstained;
    boolean ratedDown;
    final List<String> reasons = new ArrayList<>();

    Question(String conversationId, String text, Instant at) {
      this.conversationId = conversationId;
      this.text = text;
      this.at = at;
    }

    boolean gap() {
      return abstained || ratedDown;
    }
  }

  private static List<Question> questions(List<Conv> conversations) {
    var out = new ArrayList<Question>();
    for (var c : conversations) {
      var messages = c.messages();
      // The question behind each bot reply: the user message just before it.
      var questionOf = new HashMap<String, Question>();
      Question last = null;
      for (int i = 0; i < messages.size(); i++) {
        var m = messages.get(i);
        if (m.fromUser()) {
          var next = i + 1 < messages.size() ? messages.get(i + 1) : null;
          last = null;
          // "???", "..." or an emoji alone asks nothing: not a question, so never a content gap.
          if (next != null
              && !next.fromUser()
              && QUESTION_REPLIES.contains(next.type())
              && !Texts.normalize(m.body()).isEmpty()) {
            last = new Question(c.id(), m.body(), m.at());
            last.abstained = "no_answer".equals(next.type());
            out.add(last);
          }
        } else if (last != null) {
          questionOf.put(m.id(), last);
        }
      }
      for (var vote : c.votes()) {
        if (vote.up()) continue;
        Question q = vote.messageId() == null ? null : questionOf.get(vote.messageId());
        if (q == null && vote.articleId() != null)
          q = lastOffering(messages, questionOf, vote.articleId());
        if (q != null) {
          q.ratedDown = true;
          if (vote.reason() != null) q.reasons.add(vote.reason());
        }
      }
    }
    return out;
  }

  private static Question lastOffering(
      List<Msg> messages, Map<String, Question> questionOf, String articleId) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      var m = messages.get(i);
      if (!m.fromUser() && m.articles().contains(articleId) && questionOf.containsKey(m.id()))
        return questionOf.get(m.id());
    }
    return null;
  }

  private List<Reports.Gap> gaps(List<Conv> inPeriod, List<Question> questions) {
    var gapQuestions = questions.stream().filter(Question::gap).toList();
    var out = new ArrayList<Reports.Gap>();
    for (var group : groups.group(gapQuestions, q -> q.text)) {
      var examples = examples(group, q -> q.text);
      var reasons =
          counts(group.stream().flatMap(q -> q.reasons.stream()).toList(), Function.identity());
      out.add(
          new Reports.Gap(
              key(examples.get(0)),
              examples.get(0),
              group.size(),
              group.stream().map(q -> q.conversationId).distinct().count(),
              group.stream().filter(q -> q.abstained).count(),
              group.stream().filter(q -> q.ratedDown).count(),
              examples,
              reasons,
              group.stream().map(q -> q.at).max(Comparator.naturalOrder()).orElseThrow()));
    }
    out.sort(
        Comparator.comparingLong(Reports.Gap::questions)
            .reversed()
            .thenComparing(Reports.Gap::lastAsked, Comparator.reverseOrder()));
    return out;
  }

  private List<Reports.Incident> incidents(
      List<Question> questions, List<Snapshot.TicketRow> tickets) {
    var out = new ArrayList<Reports.Incident>();
    var window = config.incidentWindow();
    for (var group : groups.group(questions, q -> q.text)) {
      var burst = burst(group, q -> q.at, q -> q.conversationId, window);
      if (burst != null) {
        var examples = examples(burst, q -> q.text);
        out.add(
            new Reports.Incident(
                "questions",
                examples.get(0),
                distinct(burst, q -> q.conversationId),
                burst.get(0).at,
                burst.getLast().at,
                examples));
      }
    }
    var byCategory = new TreeMap<String, List<Snapshot.TicketRow>>();
    tickets.forEach(t -> byCategory.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(t));
    byCategory.forEach(
        (category, rows) -> {
          var burst =
              burst(
                  rows, Snapshot.TicketRow::createdAt, Snapshot.TicketRow::conversationId, window);
          if (burst != null) {
            out.add(
                new Reports.Incident(
                    "tickets",
                    category,
                    distinct(burst, Snapshot.TicketRow::conversationId),
                    burst.get(0).createdAt(),
                    burst.getLast().createdAt(),
                    examples(burst, t -> t.number() + ": " + t.subject())));
          }
        });
    out.sort(Comparator.comparing(Reports.Incident::from).reversed());
    return out;
  }

  /**
   * The window of length {@code window} holding the most distinct conversations among {@code
   * items}, when it holds at least the configured minimum; null otherwise.
   */
  private <T> List<T> burst(
      List<T> items, Function<T, Instant> at, Function<T, String> conversation, Duration window) {
    if (items.size() < config.incidentMinConversations()) return null;
    var sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(at));
    List<T> best = null;
    long bestCount = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (at.apply(sorted.get(start)).plus(window).isBefore(at.apply(sorted.get(end)))) start++;
      var inWindow = sorted.subList(start, end + 1);
      long count = distinct(inWindow, conversation);
      if (count > bestCount) {
        bestCount = count;
        best = List.copyOf(inWindow);
      }
    }
    return bestCount >= config.incidentMinConversations() ? best : null;
  }

  private static <T> long distinct(List<T> items, Function<T, String> key) {
    return items.stream().map(key).distinct().count();
  }

  private static <T> List<String> examples(List<T> items, Function<T, String> text) {
    var counted = new LinkedHashMap<String, Long>();
    var shown = new HashMap<String, String>();
    for (var item : items) {
      var wording = text.apply(item).strip();
      var key = Texts.normalize(wording);
      counted.merge(key, 1L, Long::sum);
      shown.putIfAbsent(key, wording);
    }
    return counted.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(MAX_EXAMPLES)
        .map(e -> shown.get(e.getKey()))
        .toList();
  }

  /** Stable within a period: the first 12 hex digits of SHA-256 of the group's main wording. */
  static String key(String wording) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Texts.normalize(wording).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  // --- articles, tickets, flows ----------------------------------------------------------------

  /** Each conversation's latest vote per article: what counts for the article (as in the prior). */
  static Map<String, Ratings.Votes> latestArticleVotes(List<Conv> conversations) {
    var up = new HashMap<String, Long>();
    var down = new HashMap<String, Long>();
    for (var c : conversations) {
      var latest = new HashMap<String, Snapshot.VoteRow>();
      for (var v : c.votes()) {
        if (v.articleId() == null) continue;
        latest.merge(v.articleId(), v, (a, b) -> b.at().isAfter(a.at()) ? b : a);
      }
      latest.forEach((id, v) -> (v.up() ? up : down).merge(id, 1L, Long::sum));
    }
    var ids = new HashSet<>(up.keySet());
    ids.addAll(down.keySet());
    var out = new HashMap<String, Ratings.Votes>();
    ids.forEach(
        id -> out.put(id, new Ratings.Votes(up.getOrDefault(id, 0L), down.getOrDefault(id, 0L))));
    return out;
  }

  private List<Reports.Article> articleStats(
      List<Conv> inPeriod, Map<String, Ratings.Votes> votes, Map<String, Long> views) {
    var shown = new HashMap<String, Long>();
    for (var c : inPeriod) {
      for (var m : c.messages()) {
        if (m.fromUser() || !("answer".equals(m.type()) || "clarify".equals(m.type()))) continue;
        new LinkedHashSet<>(m.articles()).forEach(id -> shown.merge(id, 1L, Long::sum));
      }
    }
    var ids = new LinkedHashSet<String>();
    articles.all().forEach(a -> ids.add(a.id()));
    ids.addAll(shown.keySet());
    ids.addAll(votes.keySet());
    ids.addAll(views.keySet());
    var ratings = new Ratings(votes);
    var out = new ArrayList<Reports.Article>();
    for (var id : ids) {
      var article = articles.article(id);
      var v = votes.getOrDefault(id, new Ratings.Votes(0, 0));
      out.add(
          new Reports.Article(
              id,
              article.map(Article::title).orElse(id + " (removed)"),
              article.map(Article::category).orElse(""),
              views.getOrDefault(id, 0L),
              shown.getOrDefault(id, 0L),
              v.up(),
              v.down(),
              ratings.helpfulness(id)));
    }
    out.sort(
        Comparator.comparingLong(Reports.Article::answersShown)
            .reversed()
            .thenComparing(Comparator.comparingLong(Reports.Article::views).reversed())
            .thenComparing(Reports.Article::id));
    return out;
  }

  private static Reports.Tickets ticketStats(List<Snapshot.TicketRow> tickets) {
    return new Reports.Tickets(
        tickets.size(),
        counts(tickets, Snapshot.TicketRow::category),
        counts(tickets, Snapshot.TicketRow::priority),
        counts(tickets, Snapshot.TicketRow::trigger));
  }

  private List<Reports.Flow> flowStats(List<Snapshot.FlowRunRow> runs) {
    var byFlow = new TreeMap<String, List<Snapshot.FlowRunRow>>();
    runs.forEach(r -> byFlow.computeIfAbsent(r.flowId(), k -> new ArrayList<>()).add(r));
    var out = new ArrayList<Reports.Flow>();
    byFlow.forEach(
        (flow, list) -> {
          var seen = new LinkedHashSet<String>();
          list.forEach(r -> seen.addAll(r.steps()));
          // The funnel in the order the flow file defines its steps; steps no longer in it last.
          var defined =
              flows
                  .get(flow)
                  .map(f -> f.steps().stream().map(io.tierzero.kb.flow.Step::id).toList())
                  .orElse(List.of());
          var order = new ArrayList<>(seen);
          order.sort(
              Comparator.comparingInt(
                  step -> defined.contains(step) ? defined.indexOf(step) : Integer.MAX_VALUE));
          var steps = new ArrayList<Reports.Step>();
          for (var step : order) {
            long reached = list.stream().filter(r -> r.steps().contains(step)).count();
            long dropped =
                list.stream()
                    .filter(
                        r ->
                            !"resolved".equals(r.outcome())
                                && !r.steps().isEmpty()
                                && r.steps().getLast().equals(step))
                    .count();
            steps.add(new Reports.Step(step, reached, dropped));
          }
          out.add(
              new Reports.Flow(
                  flow, list.size(), steps, counts(list, Snapshot.FlowRunRow::outcome)));
        });
    out.sort(
        Comparator.comparingLong(Reports.Flow::starts).reversed().thenComparing(Reports.Flow::id));
    return out;
  }

  /** Counts by key, most first, then by key. */
  static <T> List<Count> counts(List<T> items, Function<T, String> key) {
    var counted = new TreeMap<String, Long>();
    items.forEach(
        i -> counted.merge(Objects.requireNonNullElse(key.apply(i), "(none)"), 1L, Long::sum));
    return counted.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }
}
