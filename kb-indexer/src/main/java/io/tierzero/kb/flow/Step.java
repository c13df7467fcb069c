package io.tierzero.kb.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One step of a {@link Flow}. Step ids that a step continues with ({@code next}, {@code on_failed},
 * branch cases) are checked by {@link FlowChecker}; a step without {@code next} continues with the
 * step written after it.
 */
public sealed interface Step {
  String id();

  /** 1-based line of the step in its file, for problems. */
  int line();

  /** Every step id this step can continue with, nulls left out. */
  List<String> successors();

  /** Tells the user something and continues. */
  record Say(String id, String text, String next, int line) implements Step {
    @Override
    public List<String> successors() {
      return next == null ? List.of() : List.of(next);
    }
  }

  /**
   * Asks the user something and waits for the answer, which later steps read as {@code {{id}}}.
   *
   * @param pattern a regular expression the whole answer must match, or null
   * @param invalid what to say when an answer is not accepted, or null for a default
   * @param maxAttempts how many times the question is put before the flow escalates
   */
  record Ask(
      String id,
      String text,
      InputType input,
      List<String> options,
      String pattern,
      String invalid,
      int maxAttempts,
      String next,
      int line)
      implements Step {
    /** Three tries, then a person: more only frustrates, and for codes it invites guessing. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public Ask {
      options = List.copyOf(options);
    }

    @Override
    public List<String> successors() {
      return next == null ? List.of() : List.of(next);
    }
  }

  /**
   * Runs a named action ({@link FlowActions}). Its outcome ({@code ok} or {@code failed}) and data
   * are readable as {@code {{id.outcome}}} and {@code {{id.key}}}.
   *
   * @param with parameters; values may name answers as {@code {{step}}}
   * @param next where to go when the action succeeds
   * @param onFailed where to go when it fails; null escalates
   */
  record Action(
      String id, String action, Map<String, String> with, String next, String onFailed, int line)
      implements Step {
    public Action {
      with = Collections.unmodifiableMap(new LinkedHashMap<>(with));
    }

    @Override
    public List<String> successors() {
      var out = new ArrayList<String>();
      if (next != null) out.add(next);
      if (onFailed != null) out.add(onFailed);
      return out;
    }
  }

  /**
   * Goes on by the value of an answer or an action's outcome.
   *
   * @param on what to look at: an ask step id, {@code action.outcome} or {@code action.key}
   * @param cases value (compared ignoring case) to step id
   * @param otherwise where to go when no case matches; null escalates
   */
  record Branch(String id, String on, Map<String, String> cases, String otherwise, int line)
      implements Step {
    public Branch {
      cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases));
    }

    @Override
    public List<String> successors() {
      var out = new ArrayList<>(cases.values());
      if (otherwise != null) out.add(otherwise);
      return out;
    }
  }

  /**
   * Ends the flow. An escalation hands the conversation to a person with what was tried.
   *
   * @param category for an escalation; null uses the flow's
   * @param priority for an escalation; null uses the flow's
   * @param reason for an escalation: why a person is needed
   */
  record End(
      String id,
      Outcome outcome,
      String text,
      String category,
      String priority,
      String reason,
      int line)
      implements Step {
    @Override
    public List<String> successors() {
      return List.of();
    }
  }

  /** How a flow ended. */
  enum Outcome {
    RESOLVED,
    ESCALATE;

    public String yaml() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
