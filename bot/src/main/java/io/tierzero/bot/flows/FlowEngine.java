package io.tierzero.bot.flows;

import static io.tierzero.bot.flows.FlowReplies.say;
import static io.tierzero.bot.flows.FlowTemplates.render;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.chat.AnswerWords;
import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.SideEffects;
import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.ids.Ids;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Step;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs flows: starts one, takes the user's answer to the question it waits on, runs the steps that
 * follow up to the next question or an end, and stores where it stopped ({@link FlowStates}), so
 * another instance can take the next turn. What the user typed is read by {@link FlowAnswers},
 * actions are called by {@link FlowActions}, and a run that needs a person goes to {@link
 * FlowEscalator}.
 *
 * <p>An action (the directory, the mail server) runs outside the turn's transaction ({@link
 * ActionOutside}): the turn first stores where the run stopped, marked {@link
 * FlowRun.Data#pending}, and goes on from the action's outcome in a new transaction. Should the
 * process stop meanwhile, the next turn finds the mark older than {@link #PENDING_TIMEOUT} and
 * hands the run to a person, since nobody can tell whether the action took effect; the secret it
 * was given is gone with the process, as it was never stored.
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
  private final FlowActions actions;
  private final FlowEscalator escalator;
  private final FlowReplies replies;
  private final TriedLines tried;
  private final AnswerWords words;
  private final ApplicationEventPublisher<FlowProgress> progress;
  private final KnownLoginAnswer knownLogin;
  private final FlowTexts texts;
  private final SideEffects sideEffects;

  FlowEngine(
      FlowCatalog catalog,
      FlowStates states,
      FlowActions actions,
      FlowEscalator escalator,
      FlowReplies replies,
      TriedLines tried,
      AnswerWords words,
      ApplicationEventPublisher<FlowProgress> progress,
      KnownLoginAnswer knownLogin,
      FlowTexts texts,
      SideEffects sideEffects) {
    this.catalog = catalog;
    this.states = states;
    this.actions = actions;
    this.escalator = escalator;
    this.replies = replies;
    this.tried = tried;
    this.words = words;
    this.progress = progress;
    this.knownLogin = knownLogin;
    this.texts = texts;
    this.sideEffects = sideEffects;
  }

  /** The flow this conversation is in, unless it was abandoned long enough to expire. */
  public Optional<FlowState> running(String conversationId) {
    return states.running(conversationId);
  }

  /** Starts {@code flow} from its first step. */
  public List<Reply> start(String conversationId, Flow flow) {
    var turn = new Turn(conversationId, flow, FlowRun.fresh(flow.id(), flow.first().id()));
    LOG.info("Flow {} started in conversation {}", flow.id(), conversationId);
    return finish(turn, turn.advance(flow.first().id()), null, true);
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
    var turn = new Turn(conversationId, flow.get(), run);
    if (run.pending == null) return finish(turn, turn.take(text), state.get(), false);
    if (state.get().updatedAt().plus(PENDING_TIMEOUT).isAfter(states.now())) {
      // Another turn's action is still running: this message must not change the run under it.
      return FlowReplies.tagged(
          List.of(say(texts.get("flows.action.still-running"))), flow.get().id());
    }
    return finish(turn, turn.interrupted(), state.get(), false);
  }

  /**
   * Stores where the run stopped and, unless an action is to run before the turn goes on, tells
   * analytics how far it got. {@code previous} is the state the turn started from, null for a new
   * run.
   */
  private List<Reply> finish(Turn turn, boolean open, FlowState previous, boolean started) {
    var run = turn.run;
    var suspended =
        run.pending != null ? (Step.Action) turn.flow.step(run.stepId).orElseThrow() : null;
    var saved = states.save(turn.conversationId, run, open || suspended != null, previous);
    if (suspended != null) {
      sideEffects.defer(
          new ActionOutside(
              actions,
              states,
              turn.conversationId,
              run,
              suspended,
              saved,
              (current, outcome) -> {
                var next = new Turn(turn.conversationId, turn.flow, run);
                return finish(next, next.afterAction(suspended, outcome), current, started);
              }));
    } else {
      progress.publishEvent(FlowProgress.of(turn.conversationId, run, started, open));
    }
    return FlowReplies.tagged(turn.replies, turn.flow.id());
  }

  /**
   * One turn of a run: the steps it takes and the replies they make. Each step method returns
   * whether the run waits for an answer (true) or ended (false).
   */
  private final class Turn {
    final String conversationId;
    final Flow flow;
    final FlowRun run;
    final List<Reply> replies = new ArrayList<>();

    Turn(String conversationId, Flow flow, FlowRun run) {
      this.conversationId = conversationId;
      this.flow = flow;
      this.run = run;
    }

    /** The run's action never reported back: whether it took effect is unknown, a person checks. */
    boolean interrupted() {
      var action = actions.keepInterrupted(conversationId, flow, run);
      return escalate(run.stepId, texts.get("flows.reason.action-interrupted", action));
    }

    /** Takes what the user typed: a command (cancel, back...) or the answer to the question. */
    boolean take(String text) {
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
      if (words.is(Intent.Action.START_OVER, normalized)) return startOver();
      if (words.is(Intent.Action.BACK, normalized)) return back();
      if (!sensitive && words.mentions(Intent.Action.PERSON, normalized)) {
        return escalate(run.stepId, texts.get("flows.reason.person"));
      }
      // Only a question waits for an answer; anything else means the flow file changed under us.
      if (!(current instanceof Step.Ask ask)) return advance(run.stepId);
      var accepted = FlowAnswers.accept(ask, text, words);
      return accepted.isPresent() ? answered(ask, accepted.get()) : rejected(ask, text);
    }

    private boolean answered(Step.Ask ask, String value) {
      if (ask.input().sensitive()) run.secrets.put(ask.id(), value);
      else run.keep(ask.id(), value);
      tried.answered(run, ask, value);
      return advance(ask.next());
    }

    private boolean rejected(Step.Ask ask, String text) {
      tried.rejected(run, ask, text);
      if (run.askedCount(ask.id()) >= ask.maxAttempts()) {
        var question = render(ask.text(), run);
        var attempts = String.valueOf(ask.maxAttempts());
        return escalate(ask.id(), texts.get("flows.reason.no-usable-answer", question, attempts));
      }
      var invalid = ask.invalid();
      replies.add(
          say(invalid != null ? render(invalid, run) : texts.get(FlowAnswers.invalidKey(ask))));
      return advance(ask.id());
    }

    private boolean startOver() {
      run.restart(flow.first().id());
      replies.add(say(texts.get("flows.start-over")));
      return advance(flow.first().id());
    }

    private boolean back() {
      var previous = run.back();
      if (previous.isEmpty()) replies.add(say(texts.get("flows.back.first-question")));
      return advance(previous.orElse(run.stepId));
    }

    /** Runs steps from {@code stepId} until a question or an action (true) or an end (false). */
    boolean advance(String stepId) {
      while (run.steps++ < MAX_STEPS_PER_TURN) {
        if (stepId == null)
          return escalate(run.stepId, texts.get("flows.reason.no-next-step", run.stepId));
        var found = flow.step(stepId);
        if (found.isEmpty())
          return escalate(run.stepId, texts.get("flows.reason.unknown-step", stepId));
        var step = found.get();
        run.stepId = step.id();
        switch (step) {
          case Step.Say say -> {
            replies.add(say(render(say.text(), run)));
            stepId = say.next();
          }
          case Step.Ask ask -> {
            var login = knownLogin.to(conversationId, ask, run);
            if (login.isPresent()) {
              // Answered by the platform: kept like a typed answer, so the ticket shows it.
              run.keep(ask.id(), login.get());
              tried.knownLogin(run, ask, login.get());
              stepId = ask.next();
              continue;
            }
            if (run.askedCount(ask.id()) >= ask.maxAttempts()) {
              var question = render(ask.text(), run);
              var times = String.valueOf(ask.maxAttempts());
              return escalate(ask.id(), texts.get("flows.reason.asked-too-often", question, times));
            }
            run.asked.merge(ask.id(), 1, Integer::sum);
            if (run.history.isEmpty() || !run.history.getLast().equals(ask.id()))
              run.history.add(ask.id());
            replies.add(FlowEngine.this.replies.question(ask, run));
            return true;
          }
          case Step.Action action -> {
            // Run once the turn so far is stored, outside its transaction (see the class comment).
            run.pending = Ids.newId();
            return true;
          }
          case Step.Branch branch -> {
            stepId = branched(branch);
            if (stepId == null)
              return escalate(branch.id(), texts.get("flows.reason.no-way-on", branch.id()));
          }
          case Step.End end -> {
            return end(end);
          }
        }
      }
      var limit = String.valueOf(MAX_STEPS_PER_TURN);
      return escalate(run.stepId, texts.get("flows.reason.looping", limit));
    }

    /** The step the branch leads to for the answer it is on, null when none does. */
    private String branched(Step.Branch branch) {
      var value = Texts.normalize(run.values.getOrDefault(branch.on(), ""));
      for (var c : branch.cases().entrySet()) {
        if (Texts.normalize(c.getKey()).equals(value)) return c.getValue();
      }
      return branch.otherwise();
    }

    private boolean end(Step.End end) {
      if (end.outcome() == Step.Outcome.RESOLVED) {
        run.outcome = FlowProgress.RESOLVED;
        LOG.info("Flow {} resolved in conversation {}", flow.id(), conversationId);
        // An action that showed the user what it found (the tickets) has said it all: an end
        // without `say` after it adds no "That's fixed."
        if (end.text() != null || !run.shown)
          replies.add(FlowEngine.this.replies.resolved(end, run));
        return false;
      }
      if (end.text() != null) replies.add(say(render(end.text(), run)));
      var reason = end.reason() == null ? null : render(end.reason(), run);
      return escalate(end.id(), end.category(), end.priority(), reason);
    }

    /** Keeps the action's outcome in the run and goes on from the step it leads to. */
    boolean afterAction(Step.Action step, FlowAction.Outcome outcome) {
      actions.keep(conversationId, step, outcome, run);
      replies.addAll(outcome.shown());
      run.shown |= !outcome.shown().isEmpty();
      var next = outcome.ok() ? step.next() : step.onFailed();
      if (!outcome.ok() && next == null) {
        var why = outcome.data().getOrDefault("reason", "unknown");
        return escalate(step.id(), texts.get("flows.reason.action-failed", step.action(), why));
      }
      return advance(next);
    }

    private boolean escalate(String stepId, String reason) {
      return escalate(stepId, null, null, reason);
    }

    private boolean escalate(
        String stepId,
        @Nullable String category,
        @Nullable String priority,
        @Nullable String reason) {
      replies.addAll(
          escalator.escalate(conversationId, flow, run, stepId, category, priority, reason));
      return false;
    }
  }
}
