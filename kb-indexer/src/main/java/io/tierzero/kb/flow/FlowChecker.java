package io.tierzero.kb.flow;

import io.tierzero.kb.parse.Problem;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks how a flow's steps fit together: every step named exists, every step can be reached and
 * can reach an end, actions are known, answers referenced exist, and no secret is ever echoed.
 */
public final class FlowChecker {
  /** {@code {{name}}} or {@code {{step.key}}} in texts and parameters. */
  public static final Pattern REFERENCE =
      Pattern.compile("\\{\\{\\s*([a-z0-9_-]+(?:\\.[a-z0-9_]+)?)\\s*}}");

  private final Map<String, Set<String>> actions;

  /** Checks against the actions the bot implements. */
  public FlowChecker() {
    this(FlowActions.PARAMETERS);
  }

  public FlowChecker(Map<String, Set<String>> actions) {
    this.actions = Map.copyOf(actions);
  }

  public List<Problem> check(Flow flow) {
    Path file = flow.source() == null ? Path.of(flow.id() + ".yaml") : flow.source();
    var problems = new ArrayList<Problem>();
    Map<String, Step> byId = new HashMap<>();
    for (Step step : flow.steps()) {
      if (byId.putIfAbsent(step.id(), step) != null) {
        problems.add(new Problem(file, step.line(), "duplicate step id '" + step.id() + "'"));
      }
    }
    if (flow.steps().stream().noneMatch(s -> s instanceof Step.End)) {
      problems.add(
          new Problem(
              file,
              1,
              "missing end: the flow needs at least one 'end: resolved' or 'end: escalate' step"));
    }

    Set<String> secrets = new HashSet<>();
    Set<String> answers = new HashSet<>();
    Set<String> actionSteps = new HashSet<>();
    for (Step step : flow.steps()) {
      if (step instanceof Step.Ask ask) {
        answers.add(ask.id());
        if (ask.input().sensitive()) secrets.add(ask.id());
      }
      if (step instanceof Step.Action a) actionSteps.add(a.id());
    }

    for (Step step : flow.steps()) {
      for (String target : step.successors()) {
        if (!byId.containsKey(target)) {
          problems.add(
              new Problem(
                  file,
                  step.line(),
                  "step '" + step.id() + "' goes to unknown step '" + target + "'"));
        }
      }
      if (!(step instanceof Step.End) && !(step instanceof Step.Branch) && successorMissing(step)) {
        problems.add(
            new Problem(
                file,
                step.line(),
                "step '"
                    + step.id()
                    + "' is the last step but not an end: add 'next' or an end step"));
      }
      switch (step) {
        case Step.Say say -> text(file, step, say.text(), answers, actionSteps, secrets, problems);
        case Step.Ask ask -> {
          text(file, step, ask.text(), answers, actionSteps, secrets, problems);
          if (ask.invalid() != null)
            text(file, step, ask.invalid(), answers, actionSteps, secrets, problems);
        }
        case Step.Action action -> {
          var params = actions.get(action.action());
          if (params == null) {
            problems.add(
                new Problem(
                    file,
                    step.line(),
                    "unknown action '"
                        + action.action()
                        + "' (known: "
                        + new TreeSet<>(actions.keySet())
                        + ")"));
          } else {
            for (String p : params) {
              if (!action.with().containsKey(p))
                problems.add(
                    new Problem(
                        file,
                        step.line(),
                        "action '" + action.action() + "' needs parameter '" + p + "'"));
            }
            for (String p : action.with().keySet()) {
              if (!params.contains(p))
                problems.add(
                    new Problem(
                        file,
                        step.line(),
                        "action '" + action.action() + "' takes no parameter '" + p + "'"));
            }
          }
          // Parameters are the one place a secret may go: to the action that needs it.
          for (String value : action.with().values()) {
            references(file, step, value, answers, actionSteps, problems);
          }
        }
        case Step.Branch branch -> {
          if (secrets.contains(branch.on())) {
            problems.add(
                new Problem(
                    file,
                    step.line(),
                    "branch '"
                        + branch.id()
                        + "' must not branch on the secret answer '"
                        + branch.on()
                        + "'"));
          } else if (!known(branch.on(), answers, actionSteps)) {
            problems.add(
                new Problem(
                    file,
                    step.line(),
                    "branch '" + branch.id() + "' looks at unknown answer '" + branch.on() + "'"));
          }
        }
        case Step.End end -> {
          if (end.text() != null)
            text(file, step, end.text(), answers, actionSteps, secrets, problems);
          if (end.outcome() == Step.Outcome.ESCALATE) {
            if (end.category() == null && flow.escalation().category() == null) {
              problems.add(
                  new Problem(
                      file,
                      step.line(),
                      "escalate end '"
                          + end.id()
                          + "' needs a category (here or in the flow's escalation)"));
            }
            if (end.priority() == null && flow.escalation().priority() == null) {
              problems.add(
                  new Problem(
                      file,
                      step.line(),
                      "escalate end '"
                          + end.id()
                          + "' needs a priority (here or in the flow's escalation)"));
            }
          }
        }
      }
    }

    if (!flow.steps().isEmpty()) {
      Set<String> reachable = reach(flow.first().id(), byId);
      for (Step step : flow.steps()) {
        if (!reachable.contains(step.id())) {
          problems.add(
              new Problem(
                  file,
                  step.line(),
                  "step '" + step.id() + "' is unreachable from the first step"));
        }
      }
      Set<String> reachesEnd = reachesEnd(flow, byId);
      for (Step step : flow.steps()) {
        if (reachable.contains(step.id()) && !reachesEnd.contains(step.id())) {
          problems.add(
              new Problem(file, step.line(), "step '" + step.id() + "' never reaches an end"));
        }
      }
    }
    return problems;
  }

  private static boolean successorMissing(Step step) {
    return switch (step) {
      case Step.Say s -> s.next() == null;
      case Step.Ask a -> a.next() == null;
      case Step.Action a -> a.next() == null;
      default -> false;
    };
  }

  private static Set<String> reach(String from, Map<String, Step> byId) {
    var seen = new LinkedHashSet<String>();
    var queue = new ArrayDeque<String>();
    queue.add(from);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      Step step = byId.get(id);
      if (step == null || !seen.add(id)) continue;
      queue.addAll(step.successors());
    }
    return seen;
  }

  /** Steps from which some end can be reached: a fixed point over the reverse graph. */
  private static Set<String> reachesEnd(Flow flow, Map<String, Step> byId) {
    var good = new HashSet<String>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Step step : flow.steps()) {
        if (good.contains(step.id())) continue;
        boolean ok =
            step instanceof Step.End
                || step.successors().stream().anyMatch(good::contains)
                // A failed action or unmatched branch without a target escalates, which is an end.
                || (step instanceof Step.Action a && a.onFailed() == null)
                || (step instanceof Step.Branch b && b.otherwise() == null);
        if (ok) {
          good.add(step.id());
          changed = true;
        }
      }
    }
    return good;
  }

  private static void text(
      Path file,
      Step step,
      String text,
      Set<String> answers,
      Set<String> actionSteps,
      Set<String> secrets,
      List<Problem> problems) {
    if (text == null) return;
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      if (secrets.contains(m.group(1))) {
        problems.add(
            new Problem(
                file,
                step.line(),
                "step '" + step.id() + "' would show the secret answer '" + m.group(1) + "'"));
      }
    }
    references(file, step, text, answers, actionSteps, problems);
  }

  private static void references(
      Path file,
      Step step,
      String text,
      Set<String> answers,
      Set<String> actionSteps,
      List<Problem> problems) {
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      if (!known(m.group(1), answers, actionSteps)) {
        problems.add(
            new Problem(
                file,
                step.line(),
                "step '" + step.id() + "' refers to unknown answer '" + m.group(1) + "'"));
      }
    }
  }

  private static boolean known(String name, Set<String> answers, Set<String> actionSteps) {
    int dot = name.indexOf('.');
    return dot < 0 ? answers.contains(name) : actionSteps.contains(name.substring(0, dot));
  }
}
