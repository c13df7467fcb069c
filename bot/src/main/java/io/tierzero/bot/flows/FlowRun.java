package io.tierzero.bot.flows;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tierzero.bot.chat.FlowEscalation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow in progress during one turn. {@link Data} is what is stored between turns; secret answers
 * live only in {@link #secrets}, for the actions of the turn they were typed in, and are dropped
 * with this object.
 */
final class FlowRun {
  /**
   * What persists: answers and action data by name, attempts per question, questions asked.
   *
   * @param pending set while the run's action is running outside the turn's transaction: which run
   *     of the action it is, so that only the turn that started it goes on from its outcome
   */
  @Serdeable
  record Data(
      Map<String, String> values,
      Map<String, Integer> asked,
      List<String> history,
      List<String> answered,
      List<FlowEscalation.ActionOutcome> actions,
      List<String> tried,
      @Nullable String pending) {}

  final String flowId;
  String stepId;
  final Map<String, String> values;
  final Map<String, Integer> asked;
  final List<String> history;
  final List<String> answered;
  final List<FlowEscalation.ActionOutcome> actions;
  final List<String> tried;

  /** See {@link Data#pending()}. */
  String pending;

  /** How the run ended this turn ({@link FlowProgress}'s outcomes); null while it goes on. */
  String outcome;

  /** Answers to secret and code questions: this turn only, never in {@link Data}. */
  final Map<String, String> secrets = new HashMap<>();

  /** Steps run this turn, across its side effects: what bounds a looping flow file. */
  int steps;

  /** Whether an action showed the user what it found this turn (the tickets). */
  boolean shown;

  private FlowRun(String flowId, String stepId, Data data) {
    this.flowId = flowId;
    this.stepId = stepId;
    this.values = new LinkedHashMap<>(data.values() == null ? Map.of() : data.values());
    this.asked = new HashMap<>(data.asked() == null ? Map.of() : data.asked());
    this.history = new ArrayList<>(data.history() == null ? List.of() : data.history());
    this.answered = new ArrayList<>(data.answered() == null ? List.of() : data.answered());
    this.actions = new ArrayList<>(data.actions() == null ? List.of() : data.actions());
    this.tried = new ArrayList<>(data.tried() == null ? List.of() : data.tried());
    this.pending = data.pending();
  }

  static FlowRun fresh(String flowId, String firstStep) {
    return new FlowRun(
        flowId,
        firstStep,
        new Data(Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), null));
  }

  static FlowRun resumed(String flowId, String stepId, Data data) {
    return new FlowRun(flowId, stepId, data);
  }

  Data data() {
    return new Data(values, asked, history, answered, actions, tried, pending);
  }

  int askedCount(String stepId) {
    return asked.getOrDefault(stepId, 0);
  }

  /** Keeps a non-secret answer; answered again, it moves to the end of {@link #answered}. */
  void keep(String stepId, String value) {
    values.put(stepId, value);
    answered.remove(stepId);
    answered.add(stepId);
  }

  /** Forgets everything learnt so far, to start again from {@code firstStep}. */
  void restart(String firstStep) {
    values.clear();
    asked.clear();
    history.clear();
    answered.clear();
    actions.clear();
    tried.clear();
    stepId = firstStep;
  }

  /**
   * Goes back from the question the run waits on: forgets the answer to the one before and returns
   * it, or empty when this is the first question, to be asked again. Going back is not a failed
   * attempt: the question it leads to is not counted again.
   */
  Optional<String> back() {
    String target;
    Optional<String> previous;
    if (history.size() >= 2) {
      history.removeLast();
      target = history.removeLast();
      values.remove(target);
      answered.remove(target);
      previous = Optional.of(target);
    } else {
      target = stepId;
      if (!history.isEmpty()) history.removeLast();
      previous = Optional.empty();
    }
    asked.computeIfPresent(target, (k, v) -> Math.max(0, v - 1));
    return previous;
  }
}
