package io.tierzero.bot.analytics;

import io.tierzero.bot.analytics.Snapshot.Conv;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.kb.Articles;
import io.tierzero.kb.parse.Article;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Which conversations were resolved: a positive signal and no return ({@link #DEFINITION}). */
@Singleton
class Resolutions {
  static final String DEFINITION =
      "Conversations with a positive signal and no return, out of the same conversations as"
          + " containment. Positive signal: the user's latest thumbs in the conversation was up, or"
          + " they answered \"That worked\", or a guided fix ran its actions successfully and did"
          + " not escalate. Return: the same user started another conversation on the same topic"
          + " within 7 days. Same user means the same email address, which the bot only knows when"
          + " a ticket or a guided fix asked for it (the widget keeps no identity), so"
          + " conversations without one are never counted as returning. Topic means the category of"
          + " the article or guided fix the bot offered, else the ticket's category; when either"
          + " conversation has none, any return of the same user counts.";

  private static final String THAT_WORKED = Texts.normalize(Options.THAT_WORKED);

  private final Function<String, String> categoryOfArticle;
  private final Function<String, String> categoryOfFlow;
  private final Duration returnWindow;

  @Inject
  Resolutions(Articles articles, AnalyticsConfiguration config) {
    this(
        id -> articles.article(id).map(Article::category).filter(s -> !s.isBlank()).orElse(null),
        flow ->
            articles.all().stream()
                .filter(a -> flow.equals(a.flow()))
                .map(Article::category)
                .findFirst()
                .orElse(null),
        config.returnWindow());
  }

  /**
   * @param categoryOfArticle an article's category by id; null when it has none or is gone
   * @param categoryOfFlow the category of the first article offering a guided fix, by flow id
   * @param returnWindow how soon another conversation of the same user on the topic is a return
   */
  Resolutions(
      Function<String, String> categoryOfArticle,
      Function<String, String> categoryOfFlow,
      Duration returnWindow) {
    this.categoryOfArticle = Objects.requireNonNull(categoryOfArticle, "categoryOfArticle");
    this.categoryOfFlow = Objects.requireNonNull(categoryOfFlow, "categoryOfFlow");
    this.returnWindow = Objects.requireNonNull(returnWindow, "returnWindow");
  }

  /**
   * The ids of the conversations among {@code asked} that were resolved, looking for returns among
   * {@code all} (which runs past the period by the return window).
   */
  Set<String> resolved(List<Conv> asked, List<Conv> all, List<Snapshot.FlowRunRow> runs) {
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
                              && !other.createdAt().isAfter(c.createdAt().plus(returnWindow))
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
        var category = categoryOfArticle.apply(id);
        if (category != null) return category;
      }
    }
    for (var r : runs) {
      var category = categoryOfFlow.apply(r.flowId());
      if (category != null) return category;
    }
    return c.ticket() == null ? null : c.ticket().category();
  }
}
