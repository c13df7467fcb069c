package io.tierzero.bot.flows;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.tierzero.bot.chat.AnswerWords;
import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.bot.chat.FlowHandoff;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.SideEffects;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.ids.Ids;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.FlowChecker;
import io.tierzero.kb.flow.InputType;
import io.tierzero.kb.flow.Step;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs flows: starts one, takes the user's answer to the question it waits on, runs the steps that
 * follow up to the next question or an end, and stores where it stopped ({@link FlowStates}), so
 * another instance can take the next turn. What the user typed is read by {@link FlowAnswers}.
 *
 * <p>An action (the directory, the mail server) runs outside the turn's transaction ({@link
 * SideEffects}): the turn first stores where the run stopped, marked {@link FlowRun.Data#pending},
 * and goes on from the action's outcome in a new transaction. Should the process stop meanwhile,
 * the next turn finds the mark older than {@link #PENDING_TIMEOUT} and hands the run to a person,
 * since nobody can tell whether the action took effect; the secret it was given is gone with the
 * process, as it was never stored.
 *
 * <p>Whatever the flow file says, the engine never loops: a question is put at most its {@code
 * max_attempts} times, a turn runs at most {@link #MAX_STEPS_PER_TURN} steps, and running out of
 * either escalates to a person with what was tried.
 */
@Singleton
public class FlowEngine {
  private static final Logger LOG = LoggerFactory.getLogger(FlowEngine.class);

  /** Far more than any real flow needs between two questions; beyond it the flow is looping. */
  static final int MAX_STEPS_PER_TURN = 50;

  /**
   * Far longer than an action takes at worst (a few directory calls, each bounded by the client's
   * connect and response timeouts): a mark older than this was left by a turn that never finished.
   */
  static final Duration PENDING_TIMEOUT = Duration.ofMinutes(2);

  private final FlowCatalog catalog;
  private final FlowStates states;
  private final Map<String, FlowAction> actions;
  private final FlowHandoff handoff;
  private final AnswerWords words;
  private final ApplicationEventPublisher<FlowProgress> progress;
  private final KnownLogins known;
  private final FlowTexts texts;
  private final SideEffects sideEffects;

  FlowEngine(
      FlowCatalog catalog,
      FlowStates states,
      List<FlowAction> actions,
      FlowHandoff handoff,
      AnswerWords words,
      ApplicationEventPublisher<FlowProgress> progress,
      KnownLogins known,
      FlowTexts texts,
      SideEffects sideEffects) {
    this.catalog = catalog;
    this.known = known;
    this.states = states;
    var byName = new HashMap<String, FlowAction>();
    actions.forEach(a -> byName.put(a.name(), a));
    this.actions = Map.copyOf(byName);
    this.handoff = handoff;
    this.words = words;
    this.progress = progress;
    this.texts = texts;
    this.sideEffects = sideEffects;
  }

  /** The flow this conversation is in, unless it was abandoned long enough to expire. */
  public Optional<FlowState> running(String conversationId) {
    return states.running(conversationId);
  }

  /** Starts {@code flow} from its first step. */
  public List<Reply> start(String conversationId, Flow flow) {
    var replies = new ArrayList<Reply>();
    var run = FlowRun.fresh(flow.id(), flow.first().id());
    LOG.info("Flow {} started in conversation {}", flow.id(), conversationId);
    boolean open = advance(conversationId, flow, run, flow.first().id(), replies);
    return finish(conversationId, flow, run, open, null, true, replies);
  }

  /**
   * Takes {@code text} as the answer to the question the conversation's flow waits on (or as
   * cancel, back, start over). {@code text} may be a secret: it goes nowhere but the action that
   * needs it.
   */
  public List<Reply> answer(String conversationId, String text) {
    return answer(conversationId, running(conversationId), text);
  }

  /** Like {@link #answer(String, String)}, with the flow {@link #running} just found. */
  public List<Reply> answer(String conversationId, Optional<FlowState> state, String text) {
    if (state.isEmpty()) {
      states.forget(conversationId);
      return List.of(
          new Reply(ReplyType.TEXT, texts.get("flows.answer.timed-out"), List.of(), List.of()));
    }
    var flow = catalog.get(state.get().flowId());
    if (flow.isEmpty()) {
      states.forget(state.get());
      return List.of(Reply.text(texts.get("flows.answer.flow-gone")));
    }
    var run = FlowRun.resumed(flow.get().id(), state.get().stepId(), states.data(state.get()));
    var replies = new ArrayList<Reply>();
    boolean open;
    if (run.pending != null) {
      if (state.get().updatedAt().plus(PENDING_TIMEOUT).isAfter(states.now())) {
        // Another turn's action is still running: this message must not change the run under it.
        return tagged(List.of(say(texts.get("flows.action.still-running"))), flow.get().id());
      }
      open = interrupted(conversationId, flow.get(), run, replies);
    } else {
      open = turn(conversationId, flow.get(), run, text, replies);
    }
    return finish(conversationId, flow.get(), run, open, state.get(), false, replies);
  }

  /**
   * Stores where the run stopped and, unless an action is to run before the turn goes on, tells
   * analytics how far it got.
   */
  private List<Reply> finish(
      String conversationId,
      Flow flow,
      FlowRun run,
      boolean open,
      FlowState previous,
      boolean started,
      List<Reply> replies) {
    var suspended = run.pending != null ? pendingAction(flow, run) : null;
    var saved = states.save(conversationId, run, open || suspended != null, previous);
    if (suspended != null) {
      sideEffects.defer(new ActionOutside(conversationId, flow, run, suspended, saved, started));
    } else {
      publish(conversationId, run, started, open);
    }
    return tagged(replies, flow.id());
  }

  private Step.Action pendingAction(Flow flow, FlowRun run) {
    return (Step.Action) flow.step(run.stepId).orElseThrow();
  }

  /**
   * An action of this run, taken out of the turn's transaction: {@link #run()} calls it with no
   * connection held, {@link #resume()} goes on from its outcome.
   */
  private final class ActionOutside implements SideEffects.SideEffect {
    private final String conversationId;
    private final Flow flow;
    private final FlowRun run;
    private final Step.Action step;
    private final FlowState stored;
    private final boolean started;
    private FlowAction.Outcome outcome;

    ActionOutside(
        String conversationId,
        Flow flow,
        FlowRun run,
        Step.Action step,
        FlowState stored,
        boolean started) {
      this.conversationId = conversationId;
      this.flow = flow;
      this.run = run;
      this.step = step;
      this.stored = stored;
      this.started = started;
    }

    @Override
    public void run() {
      outcome = call(conversationId, step, run);
    }

    @Override
    public List<Reply> resume() {
      var state = states.running(conversationId);
      if (state.isEmpty()
          || !run.pending.equals(states.data(state.get()).pending())
          || !state.get().updatedAt().equals(stored.updatedAt())) {
        // Taken over meanwhile (a turn after PENDING_TIMEOUT handed it to a person).
        LOG.warn(
            "Flow {} in conversation {} moved on while {} ran; its outcome is dropped",
            flow.id(),
            conversationId,
            step.action());
        return List.of();
      }
      run.pending = null;
      var replies = new ArrayList<Reply>();
      boolean open = afterAction(conversationId, flow, run, step, outcome, replies);
      return finish(conversationId, flow, run, open, state.get(), started, replies);
    }
  }

  /** The run's action never reported back: whether it took effect is unknown, a person checks. */
  private boolean interrupted(String conversationId, Flow flow, FlowRun run, List<Reply> replies) {
    // The step, unless the flow file changed meanwhile and it is no action any more.
    var action =
        flow.step(run.stepId)
            .filter(Step.Action.class::isInstance)
            .map(step -> ((Step.Action) step).action())
            .orElse(run.stepId);
    run.pending = null;
    run.actions.add(new FlowEscalation.ActionOutcome(run.stepId, action, "failed", "interrupted"));
    run.tried.add("Action " + action + ": interrupted, outcome unknown");
    LOG.warn(
        "Flow action {} in conversation {} was interrupted before it reported back",
        action,
        conversationId);
    return escalate(
        conversationId,
        flow,
        run,
        run.stepId,
        null,
        null,
        "Action " + action + " was interrupted: whether it took effect is unknown",
        replies);
  }

  private boolean turn(
      String conversationId, Flow flow, FlowRun run, String text, List<Reply> replies) {
    var normalized = Texts.normalize(text);
    var current = flow.step(run.stepId).orElse(null);
    boolean sensitive = current instanceof Step.Ask ask && ask.input().sensitive();
    // Cancel, back, start over and "a person": the answer words of the intents (answers.yaml).
    if (words.is(Intent.Action.CANCEL, normalized)) {
      LOG.info("Flow {} cancelled in conversation {}", flow.id(), conversationId);
      run.outcome = FlowProgress.CANCELLED;
      replies.add(Reply.text(texts.get("flows.cancelled", flow.title())));
      return false;
    }
    if (words.is(Intent.Action.START_OVER, normalized)) {
      var fresh = FlowRun.fresh(flow.id(), flow.first().id());
      run.values.clear();
      run.asked.clear();
      run.history.clear();
      run.answered.clear();
      run.actions.clear();
      run.tried.clear();
      run.stepId = fresh.stepId;
      replies.add(say(texts.get("flows.start-over")));
      return advance(conversationId, flow, run, flow.first().id(), replies);
    }
    if (words.is(Intent.Action.BACK, normalized)) return back(conversationId, flow, run, replies);
    if (!sensitive && words.mentions(Intent.Action.PERSON, normalized)) {
      return escalate(
          conversationId,
          flow,
          run,
          run.stepId,
          null,
          null,
          "The user asked for a person during the guided fix",
          replies);
    }
    if (!(current instanceof Step.Ask ask)) {
      // Only a question waits for an answer; anything else means the flow file changed under us.
      return advance(conversationId, flow, run, run.stepId, replies);
    }
    var accepted = FlowAnswers.accept(ask, text, words);
    if (accepted.isEmpty()) {
      run.tried.add(
          render(ask.text(), run)
              + " -> "
              + (ask.input().sensitive()
                  ? "(answer not accepted)"
                  : "\"" + FlowAnswers.abbreviate(text) + "\" (not accepted)"));
      if (run.askedCount(ask.id()) >= ask.maxAttempts()) {
        return escalate(
            conversationId,
            flow,
            run,
            ask.id(),
            null,
            null,
            "No usable answer to \""
                + render(ask.text(), run)
                + "\" after "
                + ask.maxAttempts()
                + " attempts",
            replies);
      }
      replies.add(
          say(
              ask.invalid() != null
                  ? render(ask.invalid(), run)
                  : texts.get(FlowAnswers.invalidKey(ask))));
      return advance(conversationId, flow, run, ask.id(), replies);
    }
    var value = accepted.get();
    if (ask.input().sensitive()) {
      run.secrets.put(ask.id(), value);
      run.tried.add(
          render(ask.text(), run)
              + " -> "
              + (ask.input() == InputType.SECRET ? "(secret given)" : "(code given)"));
    } else {
      run.values.put(ask.id(), value);
      run.answered.remove(ask.id());
      run.answered.add(ask.id());
      run.tried.add(render(ask.text(), run) + " -> " + value);
    }
    return advance(conversationId, flow, run, ask.next(), replies);
  }

  private boolean back(String conversationId, Flow flow, FlowRun run, List<Reply> replies) {
    String target;
    if (run.history.size() >= 2) {
      run.history.removeLast();
      target = run.history.removeLast();
      run.values.remove(target);
      run.answered.remove(target);
    } else {
      target = run.stepId;
      if (!run.history.isEmpty()) run.history.removeLast();
      replies.add(say(texts.get("flows.back.first-question")));
    }
    // Going back is not a failed attempt.
    run.asked.computeIfPresent(target, (k, v) -> Math.max(0, v - 1));
    return advance(conversationId, flow, run, target, replies);
  }

  /** Runs steps from {@code stepId} until a question (true: the flow waits) or an end (false). */
  private boolean advance(
      String conversationId, Flow flow, FlowRun run, String stepId, List<Reply> replies) {
    while (run.steps++ < MAX_STEPS_PER_TURN) {
      if (stepId == null) {
        return escalate(
            conversationId,
            flow,
            run,
            run.stepId,
            null,
            null,
            "The guided fix has no step after '" + run.stepId + "'",
            replies);
      }
      var found = flow.step(stepId);
      if (found.isEmpty()) {
        return escalate(
            conversationId,
            flow,
            run,
            run.stepId,
            null,
            null,
            "The guided fix names an unknown step '" + stepId + "'",
            replies);
      }
      var step = found.get();
      run.stepId = step.id();
      switch (step) {
        case Step.Say say -> {
          replies.add(say(render(say.text(), run)));
          stepId = say.next();
        }
        case Step.Ask ask -> {
          var login = knownLogin(conversationId, ask, run);
          if (login.isPresent()) {
            // Answered by the platform: kept like a typed answer, so the ticket shows it.
            run.values.put(ask.id(), login.get());
            run.answered.remove(ask.id());
            run.answered.add(ask.id());
            run.tried.add(
                render(ask.text(), run) + " -> " + login.get() + " (known from the chat platform)");
            stepId = ask.next();
            continue;
          }
          if (run.askedCount(ask.id()) >= ask.maxAttempts()) {
            return escalate(
                conversationId,
                flow,
                run,
                ask.id(),
                null,
                null,
                "\""
                    + render(ask.text(), run)
                    + "\" was asked "
                    + ask.maxAttempts()
                    + " times without success",
                replies);
          }
          run.asked.merge(ask.id(), 1, Integer::sum);
          if (run.history.isEmpty() || !run.history.getLast().equals(ask.id()))
            run.history.add(ask.id());
          replies.add(question(ask, run));
          return true;
        }
        case Step.Action action -> {
          // Run once the turn so far is stored, outside its transaction (see the class comment).
          run.pending = Ids.newId();
          return true;
        }
        case Step.Branch branch -> {
          var value = Texts.normalize(run.values.getOrDefault(branch.on(), ""));
          String next = branch.otherwise();
          for (var c : branch.cases().entrySet()) {
            if (Texts.normalize(c.getKey()).equals(value)) {
              next = c.getValue();
              break;
            }
          }
          if (next == null) {
            return escalate(
                conversationId,
                flow,
                run,
                branch.id(),
                null,
                null,
                "No way on from '" + branch.id() + "' for the answer given",
                replies);
          }
          stepId = next;
        }
        case Step.End end -> {
          if (end.outcome() == Step.Outcome.RESOLVED) {
            run.outcome = FlowProgress.RESOLVED;
            LOG.info("Flow {} resolved in conversation {}", flow.id(), conversationId);
            // An action that showed the user what it found (the tickets) has said it all: an end
            // without `say` after it adds no "That's fixed."
            if (end.text() == null && run.shown) return false;
            replies.add(
                new Reply(
                    ReplyType.FLOW_STEP,
                    end.text() == null ? texts.get("flows.resolved") : render(end.text(), run),
                    List.of(),
                    List.of(Options.THAT_WORKED)));
            return false;
          }
          if (end.text() != null) replies.add(say(render(end.text(), run)));
          return escalate(
              conversationId,
              flow,
              run,
              end.id(),
              end.category(),
              end.priority(),
              end.reason() == null ? null : render(end.reason(), run),
              replies);
        }
      }
    }
    return escalate(
        conversationId,
        flow,
        run,
        run.stepId,
        null,
        null,
        "The guided fix ran " + MAX_STEPS_PER_TURN + " steps without asking anything",
        replies);
  }

  /** Calls the action, with no transaction open; only its outcome comes back. */
  private FlowAction.Outcome call(String conversationId, Step.Action step, FlowRun run) {
    var action = actions.get(step.action());
    if (action == null) return FlowAction.Outcome.failed("unknown_action");
    var parameters = new HashMap<String, String>();
    step.with().forEach((k, v) -> parameters.put(k, renderParameter(v, run)));
    try {
      return action.run(conversationId, parameters);
    } catch (RuntimeException e) {
      // The turn so far is committed: a failure here is the action's, and the flow says so.
      LOG.warn("Flow action {} in conversation {} failed", step.action(), conversationId, e);
      return FlowAction.Outcome.failed("error");
    }
  }

  /** Keeps the action's outcome in the run and goes on from the step it leads to. */
  private boolean afterAction(
      String conversationId,
      Flow flow,
      FlowRun run,
      Step.Action step,
      FlowAction.Outcome outcome,
      List<Reply> replies) {
    run.values.put(step.id() + ".outcome", outcome.ok() ? "ok" : "failed");
    outcome.data().forEach((k, v) -> run.values.put(step.id() + "." + k, v));
    var detail = outcome.ok() ? "" : outcome.data().getOrDefault("reason", "");
    run.actions.add(
        new FlowEscalation.ActionOutcome(
            step.id(), step.action(), outcome.ok() ? "ok" : "failed", detail));
    run.tried.add(
        "Action " + step.action() + ": " + (outcome.ok() ? "ok" : "failed (" + detail + ")"));
    LOG.info(
        "Flow action {} in conversation {}: {}",
        step.action(),
        conversationId,
        outcome.ok() ? "ok" : "failed " + detail);
    replies.addAll(outcome.shown());
    run.shown |= !outcome.shown().isEmpty();
    var next = outcome.ok() ? step.next() : step.onFailed();
    if (!outcome.ok() && next == null) {
      return escalate(
          conversationId,
          flow,
          run,
          step.id(),
          null,
          null,
          "Action "
              + step.action()
              + " failed: "
              + outcome.data().getOrDefault("reason", "unknown"),
          replies);
    }
    return advance(conversationId, flow, run, next, replies);
  }

  private boolean escalate(
      String conversationId,
      Flow flow,
      FlowRun run,
      String stepId,
      String category,
      String priority,
      String reason,
      List<Reply> replies) {
    var answers = new LinkedHashMap<String, String>();
    for (var id : run.answered) {
      var value = run.values.get(id);
      if (value != null) answers.put(id, value);
    }
    var escalation =
        new FlowEscalation(
            conversationId,
            flow.id(),
            flow.title(),
            stepId,
            category != null ? category : flow.escalation().category(),
            priority != null ? priority : flow.escalation().priority(),
            reason,
            new FlowEscalation.Context(answers, run.actions, run.tried));
    run.outcome = FlowProgress.ESCALATED;
    LOG.info("Flow {} escalated in conversation {} at step {}", flow.id(), conversationId, stepId);
    // Nothing is stored here: the handoff keeps what the flow knew for the person taking over.
    replies.addAll(handoff.handOff(escalation));
    return false;
  }

  /**
   * The platform's identity for the login question, the first time it comes up in this run: asked
   * again (a wrong code, "go back"), the user may name another account, so it is asked then.
   */
  private Optional<String> knownLogin(String conversationId, Step.Ask ask, FlowRun run) {
    if (!KnownLogins.LOGIN_STEP.equals(ask.id()) || ask.input() != InputType.TEXT)
      return Optional.empty();
    if (run.askedCount(ask.id()) > 0 || run.values.containsKey(ask.id())) return Optional.empty();
    return known.login(conversationId).filter(l -> FlowAnswers.matches(ask, l));
  }

  private Reply question(Step.Ask ask, FlowRun run) {
    var options =
        switch (ask.input()) {
          case CHOICE -> ask.options();
          case YES_NO -> List.of(texts.get("flows.option.yes"), texts.get("flows.option.no"));
          default -> List.<String>of();
        };
    return new Reply(
        ReplyType.FLOW_STEP,
        render(ask.text(), run),
        List.of(),
        options,
        null,
        new ReplyInput(ask.input().yaml()));
  }

  /** Every step of a flow says which flow it belongs to. */
  private static List<Reply> tagged(List<Reply> replies, String flowId) {
    return replies.stream()
        .map(r -> r.type() == ReplyType.FLOW_STEP ? r.inFlow(flowId) : r)
        .toList();
  }

  private static Reply say(String text) {
    return new Reply(ReplyType.FLOW_STEP, text, List.of(), List.of());
  }

  /** Fills {@code {{name}}} from answers and action data; secrets are never among them. */
  private static String render(String text, FlowRun run) {
    return FlowChecker.REFERENCE
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(run.values.getOrDefault(m.group(1), "")));
  }

  /**
   * Parameters may also take the secrets typed this turn: they go to the action and nowhere else.
   */
  private static String renderParameter(String text, FlowRun run) {
    return FlowChecker.REFERENCE
        .matcher(text)
        .replaceAll(
            m -> {
              var name = m.group(1);
              var value =
                  run.secrets.containsKey(name)
                      ? run.secrets.get(name)
                      : run.values.getOrDefault(name, "");
              return Matcher.quoteReplacement(value);
            });
  }

  /** Tells analytics how far the run got this turn; answers to secret questions are not in it. */
  private void publish(String conversationId, FlowRun run, boolean started, boolean open) {
    var reached = new ArrayList<String>(run.history);
    run.actions.forEach(
        a -> {
          if (!reached.contains(a.step())) reached.add(a.step());
        });
    if (!reached.contains(run.stepId)) reached.add(run.stepId);
    var answers = new LinkedHashMap<String, String>();
    run.answered.forEach(
        id -> {
          if (run.values.containsKey(id)) answers.put(id, run.values.get(id));
        });
    progress.publishEvent(
        new FlowProgress(
            conversationId,
            run.flowId,
            started,
            run.stepId,
            reached,
            open ? null : run.outcome,
            List.copyOf(run.actions),
            answers));
  }
}
