package io.tierzero.kb.eval;

import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.intent.DecisionModel;
import io.tierzero.kb.intent.Intent;
import io.tierzero.kb.intent.IntentEvidence;
import io.tierzero.kb.intent.Intents;
import io.tierzero.kb.intent.TurnDecider;
import io.tierzero.kb.intent.TurnDecision;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.search.Decision;
import io.tierzero.kb.search.Ranking.Calibration;
import io.tierzero.kb.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores the whole per-message decision (intents, flows, non-IT topics, articles, abstaining) the
 * way the bot makes it: on first messages with an expected behaviour ({@link IntentUtterance}) and
 * on knowledge-base questions ({@link EvalQuery}), where an intent taking the question is a miss.
 * Can fit the decision model ({@code --calibrate}).
 */
public final class IntentEvaluation {
  /** Hits asked for, as the chat asks. */
  static final int LIMIT = 3;

  /**
   * Where articles and flows live in one knowledge base, to judge {@code article-topic:<folder>}.
   */
  record Topics(
      Map<String, String> folderOf,
      Map<String, Set<String>> flowsOf,
      Map<String, String> flowOfArticle) {
    static Topics of(KnowledgeBase kb) {
      Map<String, String> folderOf = new HashMap<>();
      Map<String, Set<String>> flowsOf = new HashMap<>();
      Map<String, String> flowOfArticle = new HashMap<>();
      Path root = kb.config().articlesDir().toAbsolutePath().normalize();
      for (Article a : kb.articles()) {
        String folder = "";
        if (a.source() != null) {
          Path rel = root.relativize(a.source().toAbsolutePath().normalize());
          if (rel.getNameCount() > 1) folder = rel.getName(0).toString();
        }
        folderOf.put(a.id(), folder);
        if (a.flow() != null && !a.flow().isBlank()) {
          flowsOf.computeIfAbsent(folder, k -> new HashSet<>()).add(a.flow().strip());
          flowOfArticle.put(a.id(), a.flow().strip());
        }
      }
      return new Topics(folderOf, flowsOf, flowOfArticle);
    }
  }

  /** One message as decided, with what was expected of it. */
  record Case(
      String file, String expect, Set<String> relevant, TurnDecision decision, Topics topics) {
    boolean isQuery() {
      return relevant != null;
    }
  }

  private final List<Case> cases = new ArrayList<>();
  private final Map<String, Boolean> queryFile = new LinkedHashMap<>();
  private long decideNanos;
  private long searchNanos;
  private long warmDecideNanos;

  /** Decides every utterance of {@code files} on {@code kb} with its own intents. */
  public void addUtterances(
      KnowledgeBase kb, Map<String, List<IntentUtterance>> files, DecisionModel model) {
    TurnDecider decider = kb.decider(kb.intents(), model);
    Topics topics = Topics.of(kb);
    for (var file : files.entrySet()) {
      queryFile.put(file.getKey(), false);
      for (IntentUtterance u : file.getValue()) {
        cases.add(new Case(file.getKey(), u.expect(), null, timed(kb, decider, u.text()), topics));
      }
    }
  }

  /**
   * Decides every question of {@code files} on {@code kb} with {@code intents} (another KB's, flows
   * left out).
   */
  public void addQueries(
      KnowledgeBase kb, Intents intents, Map<String, List<EvalQuery>> files, DecisionModel model) {
    TurnDecider decider = kb.decider(intents, model);
    Topics topics = Topics.of(kb);
    for (var file : files.entrySet()) {
      queryFile.put(file.getKey(), true);
      for (EvalQuery q : file.getValue()) {
        cases.add(
            new Case(file.getKey(), null, q.relevant(), timed(kb, decider, q.query()), topics));
      }
    }
  }

  /** The file name under which {@link #addArticleQuestions} reports. */
  public static final String ARTICLE_QUESTIONS = "article-questions";

  /**
   * Every article's own {@code questions:} as knowledge-base questions whose answer is that article
   * (or its flow). Fitting keeps only models that get the most of them right: an intent must never
   * take a question an article was written for.
   */
  public void addArticleQuestions(KnowledgeBase kb, DecisionModel model) {
    TurnDecider decider = kb.decider(kb.intents(), model);
    Topics topics = Topics.of(kb);
    queryFile.put(ARTICLE_QUESTIONS, true);
    for (Article a : kb.articles()) {
      for (String q : a.questions()) {
        cases.add(new Case(ARTICLE_QUESTIONS, null, Set.of(a.id()), timed(kb, decider, q), topics));
      }
    }
  }

  /**
   * Decides once with the question vector to compute (what a new question costs), then, vectors
   * cached, searches alone and decides again: the difference is what the decision adds to a turn.
   */
  private TurnDecision timed(KnowledgeBase kb, TurnDecider decider, String text) {
    long t0 = System.nanoTime();
    TurnDecision d = decider.decide(text, LIMIT);
    long t1 = System.nanoTime();
    kb.search(d.text(), LIMIT);
    long t2 = System.nanoTime();
    decider.decide(text, LIMIT);
    long t3 = System.nanoTime();
    decideNanos += t1 - t0;
    searchNanos += t2 - t1;
    warmDecideNanos += t3 - t2;
    return d;
  }

  /** Results by file, the timing, and with {@code calibrate} the fitted model. */
  public Map<String, Object> results(DecisionModel model, boolean calibrate) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (calibrate) model = fit(model);
    for (String file : queryFile.keySet()) out.put(file, score(file, model));
    int n = cases.size();
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("decisions", n);
    timing.put("ms_per_decision_new_question", round(decideNanos / 1e6 / Math.max(1, n)));
    timing.put("ms_per_search_alone_vector_cached", round(searchNanos / 1e6 / Math.max(1, n)));
    timing.put("ms_per_decision_vector_cached", round(warmDecideNanos / 1e6 / Math.max(1, n)));
    out.put("timing", timing);
    if (calibrate) out.put("decision_model", model);
    return out;
  }

  private Map<String, Object> score(String file, DecisionModel model) {
    List<Case> of = cases.stream().filter(c -> c.file().equals(file)).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", of.size());
    if (queryFile.get(file)) {
      List<Case> in = of.stream().filter(c -> !c.relevant().isEmpty()).toList();
      List<Case> out = of.stream().filter(c -> c.relevant().isEmpty()).toList();
      if (!in.isEmpty()) {
        m.put(
            "p_at_1",
            round((double) in.stream().filter(c -> firstRelevant(c, model)).count() / in.size()));
        m.put(
            "p_at_1_retrieval_alone",
            round(
                (double)
                        in.stream()
                            .filter(c -> relevantFirst(c.decision().search(), c.relevant()))
                            .count()
                    / in.size()));
        m.put(
            "right", round((double) in.stream().filter(c -> right(c, model)).count() / in.size()));
        m.put(
            "answer_rate",
            round(
                (double)
                        in.stream()
                            .filter(c -> taken(c, model) == null && answers(c.decision().search()))
                            .count()
                    / in.size()));
      }
      if (!out.isEmpty()) {
        m.put(
            "abstain_rate",
            round((double) out.stream().filter(c -> right(c, model)).count() / out.size()));
      }
      m.put("taken_by_intent", of.stream().filter(c -> taken(c, model) != null).count());
      m.put(
          "flows_started",
          of.stream()
              .filter(
                  c -> taken(c, model) != null && taken(c, model).action() == Intent.Action.FLOW)
              .count());
      return m;
    }
    m.put(
        "right",
        round((double) of.stream().filter(c -> right(c, model)).count() / Math.max(1, of.size())));
    Map<String, Object> byExpect = new TreeMap<>();
    Map<String, List<Case>> groups = new TreeMap<>();
    for (Case c : of)
      groups
          .computeIfAbsent(
              c.expect().startsWith("flow:")
                  ? "flow"
                  : c.expect().startsWith("article-topic:") ? "article-topic" : c.expect(),
              k -> new ArrayList<>())
          .add(c);
    for (var g : groups.entrySet()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("n", g.getValue().size());
      e.put(
          "right",
          round(
              (double) g.getValue().stream().filter(c -> right(c, model)).count()
                  / g.getValue().size()));
      if (g.getKey().equals("flow")) {
        e.put(
            "flow_or_its_article",
            round(
                (double) g.getValue().stream().filter(c -> flowOrArticle(c, model)).count()
                    / g.getValue().size()));
      }
      byExpect.put(g.getKey(), e);
    }
    m.put("by_expect", byExpect);
    Map<String, Long> got = new TreeMap<>();
    for (Case c : of) got.merge(c.expect() + " -> " + outcome(c, model), 1L, Long::sum);
    m.put("outcomes", got);
    return m;
  }

  /** The intent acted on under {@code model}, or null when the knowledge base decides. */
  static Intent taken(Case c, DecisionModel model) {
    IntentEvidence e = c.decision().evidence();
    if (e == null) return null;
    return TurnDecider.takes(model, e, c.decision().search(), c.topics().flowOfArticle()::get)
        ? e.intent()
        : null;
  }

  static String outcome(Case c, DecisionModel model) {
    Intent i = taken(c, model);
    if (i != null) return i.behaviour();
    SearchResult r = c.decision().search();
    if (!answers(r)) return "no_answer";
    return r.decision().name().toLowerCase(Locale.ROOT)
        + ":"
        + c.topics().folderOf().getOrDefault(r.hits().get(0).id(), "");
  }

  static boolean answers(SearchResult r) {
    return r.decision() != Decision.ABSTAIN && !r.hits().isEmpty();
  }

  private static boolean relevantFirst(SearchResult r, Set<String> relevant) {
    return !r.hits().isEmpty() && relevant.contains(r.hits().get(0).id());
  }

  /** P@1 of the whole decision: the knowledge base decided and ranked a relevant article first. */
  static boolean firstRelevant(Case c, DecisionModel model) {
    return taken(c, model) == null && relevantFirst(c.decision().search(), c.relevant());
  }

  /** Whether the first reply is what the data expects (README of the evaluation data). */
  static boolean right(Case c, DecisionModel model) {
    return right(c, model, false);
  }

  /**
   * @param strict for fitting: an intent taken on a message that expects abstaining is wrong even
   *     when its reply is not from the knowledge base (small talk in answer to "how fast does a
   *     plane fly" passes the data's definition but is still a wrong guess)
   */
  static boolean right(Case c, DecisionModel model, boolean strict) {
    Intent i = taken(c, model);
    SearchResult r = c.decision().search();
    boolean abstains = i == null ? !answers(r) : !strict && i.action() != Intent.Action.FLOW;
    if (c.isQuery()) {
      if (c.relevant().isEmpty()) return abstains;
      // A question whose article offers a flow may start that flow instead.
      if (i != null)
        return i.action() == Intent.Action.FLOW
            && c.relevant().stream()
                .anyMatch(id -> i.flow().equals(c.topics().flowOfArticle().get(id)));
      return answers(r) && relevantFirst(r, c.relevant());
    }
    String expect = c.expect();
    if (expect.equals("handoff")) return i != null && i.action() == Intent.Action.HANDOFF;
    if (expect.equals("ticket-status")) return i != null && i.action().aboutTickets();
    if (expect.equals("smalltalk")) {
      // The reply is of type text: small talk, a redirect, a new conversation.
      return i != null
          && (i.action() == Intent.Action.SMALLTALK
              || i.action() == Intent.Action.REDIRECT
              || i.action() == Intent.Action.NEW_CONVERSATION);
    }
    if (expect.equals("abstain")) return abstains;
    if (expect.startsWith("flow:"))
      return i != null && i.action() == Intent.Action.FLOW && expect.equals(i.behaviour());
    String folder = expect.substring("article-topic:".length());
    if (i != null)
      return i.action() == Intent.Action.FLOW
          && c.topics().flowsOf().getOrDefault(folder, Set.of()).contains(i.flow());
    return answers(r) && folder.equals(c.topics().folderOf().get(r.hits().get(0).id()));
  }

  /** For {@code flow:<id>}: the flow started, or the first article offers it. */
  static boolean flowOrArticle(Case c, DecisionModel model) {
    if (right(c, model)) return true;
    if (taken(c, model) != null) return false;
    SearchResult r = c.decision().search();
    if (!answers(r)) return false;
    String flow = c.expect().substring("flow:".length());
    return flow.equals(c.topics().flowOfArticle().get(r.hits().get(0).id()));
  }

  /** Label for the confidence model: the nearest intent is the behaviour expected. */
  static boolean nearestIsRight(Case c) {
    IntentEvidence e = c.decision().evidence();
    if (e == null || c.isQuery()) return false;
    Intent i = e.intent();
    return switch (c.expect()) {
      case "handoff" -> i.action() == Intent.Action.HANDOFF;
      case "ticket-status" -> i.action().aboutTickets();
      case "smalltalk" -> i.action() == Intent.Action.SMALLTALK;
      case "abstain" -> false;
      default ->
          c.expect().equals(i.behaviour())
              || (c.expect().startsWith("article-topic:")
                  && i.action() == Intent.Action.FLOW
                  && c.topics()
                      .flowsOf()
                      .getOrDefault(c.expect().substring("article-topic:".length()), Set.of())
                      .contains(i.flow()));
    };
  }

  /**
   * Logistic regression of "the nearest intent is right" on its evidence, then the thresholds and
   * gap with the best mean share right over the files (each file counts the same, so 720 greetings
   * do not outweigh 200 out-of-scope questions), counting an intent taken where abstaining was
   * expected as wrong ({@link #right(Case, DecisionModel, boolean)}).
   */
  DecisionModel fit(DecisionModel start) {
    List<Calibrator.Sample> samples = new ArrayList<>();
    for (Case c : cases) {
      IntentEvidence e = c.decision().evidence();
      if (e == null) continue;
      samples.add(
          new Calibrator.Sample(e.similarity(), e.coverage(), e.margin(), nearestIsRight(c), true));
    }
    Calibration fitted = Calibrator.fit(samples, true, true, true);
    DecisionModel best = null;
    double bestScore = -1;
    double bestOwn = -1;
    for (int t = 5; t <= 95; t += 5) {
      for (int rt = t; rt <= 99; rt += 5) {
        for (int g = -30; g <= 40; g += 5) {
          var m =
              new DecisionModel(
                  fitted.bias(),
                  fitted.similarity(),
                  fitted.coverage(),
                  fitted.margin(),
                  t / 100.0,
                  rt / 100.0,
                  g / 100.0);
          double own = ownQuestionsRight(m);
          double score = meanRight(m);
          // The articles' own questions first, then the mean; ties go to the more cautious model.
          if (own > bestOwn + 1e-9 || (own >= bestOwn - 1e-9 && score >= bestScore - 1e-9)) {
            bestOwn = own;
            bestScore = score;
            best = m;
          }
        }
      }
    }
    return best == null ? start : best;
  }

  private double ownQuestionsRight(DecisionModel m) {
    List<Case> own = cases.stream().filter(c -> c.file().equals(ARTICLE_QUESTIONS)).toList();
    return own.isEmpty() ? 1 : (double) own.stream().filter(c -> right(c, m)).count() / own.size();
  }

  private double meanRight(DecisionModel m) {
    double sum = 0;
    int files = 0;
    Map<String, List<Case>> byFile = new HashMap<>();
    for (Case c : cases)
      if (!c.file().equals(ARTICLE_QUESTIONS))
        byFile.computeIfAbsent(c.file(), k -> new ArrayList<>()).add(c);
    for (List<Case> of : byFile.values()) {
      sum += (double) of.stream().filter(c -> right(c, m, true)).count() / of.size();
      files++;
    }
    return files == 0 ? 0 : sum / files;
  }

  /**
   * One tab-separated line per message: file, right, expected, outcome, text, nearest intent and
   * its evidence, KB.
   */
  public List<String> details(DecisionModel model) {
    List<String> lines = new ArrayList<>();
    for (Case c : cases) {
      IntentEvidence e = c.decision().evidence();
      SearchResult r = c.decision().search();
      lines.add(
          String.join(
              "\t",
              c.file(),
              right(c, model) ? "ok" : "WRONG",
              c.isQuery() ? (c.relevant().isEmpty() ? "abstain" : "article") : c.expect(),
              outcome(c, model),
              c.decision().text(),
              e == null ? "" : e.intent().id(),
              e == null ? "" : e.nearestExample(),
              e == null
                  ? ""
                  : String.format(
                      "sim=%.3f margin=%.3f cov=%.2f conf=%.3f",
                      e.similarity(), e.margin(), e.coverage(), model.confidence(e)),
              String.format(
                  "kb=%s %.3f %s",
                  r.decision(), r.confidence(), r.hits().isEmpty() ? "" : r.hits().get(0).id())));
    }
    return lines;
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
