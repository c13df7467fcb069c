package io.tierzero.bot.flows;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.chat.AnswerWords;
import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.bot.chat.FlowHandoff;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Texts;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.FlowChecker;
import io.tierzero.kb.flow.InputType;
import io.tierzero.kb.flow.Step;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs flows: starts one, takes the user's answer to the question it waits on, runs the steps that
 * follow up to the next question or an end, and stores where it stopped. Every turn reads and
 * writes the state in the chat turn's transaction, so another instance can take the next turn.
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

  /** Free text longer than this is a pasted log, not an answer. */
  static final int MAX_ANSWER = 500;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern DEFAULT_CODE = Pattern.compile("\\d{6}");

  private final FlowCatalog catalog;
  private final FlowStateRepository states;
  private final Map<String, FlowAction> actions;
  private final FlowHandoff handoff;
  private final FlowsConfiguration config;
  private final AnswerWords words;
  private final ObjectMapper json;
  private final ApplicationEventPublisher<FlowProgress> progress;
  private final KnownLogins known;
  private final Clock clock;

  FlowEngine(
      FlowCatalog catalog,
      FlowStateRepository states,
      List<FlowAction> actions,
      FlowHandoff handoff,
      FlowsConfiguration config,
      AnswerWords words,
      ObjectMapper json,
      ApplicationEventPublisher<FlowProgress> progress,
      KnownLogins known,
      Clock clock) {
    this.clock = clock;
    this.catalog = catalog;
    this.known = known;
    this.states = states;
    var byName = new HashMap<String, FlowAction>();
    actions.forEach(a -> byName.put(a.name(), a));
    this.actions = Map.copyOf(byName);
    this.handoff = handoff;
    this.config = config;
    this.words = words;
    this.json = json;
    this.progress = progress;
  }

  /** The flow this conversation is in, unless it was abandoned long enough to expire. */
  public Optional<FlowState> running(String conversationId) {
    return states.findById(conversationId).filter(s -> s.expiresAt().isAfter(now()));
  }

  /** Starts {@code flow} from its first step. */
  public List<Reply> start(String conversationId, Flow flow) {
    var replies = new ArrayList<Reply>();
    var run = FlowRun.fresh(flow.id(), flow.first().id());
    LOG.info("Flow {} started in conversation {}", flow.id(), conversationId);
    boolean open = advance(conversationId, flow, run, flow.first().id(), replies);
    save(conversationId, run, open, null);
    publish(conversationId, run, true, open);
    return tagged(replies, flow.id());
  }

  /**
   * Takes {@code text} as the answer to the question the conversation's flow waits on (or as
   * cancel, back, start over). {@code text} may be a secret: it goes nowhere but the action that
   * needs it.
   */
  public List<Reply> answer(String conversationId, String text) {
    var state = running(conversationId);
    if (state.isEmpty()) {
      states.findById(conversationId).ifPresent(states::delete);
      return List.of(
          new Reply(
              ReplyType.TEXT,
              "That guided fix timed out, so I did not use what you just typed. Tell me what you"
                  + " need and we can start again.",
              List.of(),
              List.of()));
    }
    var flow = catalog.get(state.get().flowId());
    if (flow.isEmpty()) {
      states.delete(state.get());
      return List.of(
          Reply.text(
              "That guided fix is no longer available. Tell me what you need and I'll look for an"
                  + " answer."));
    }
    var run = FlowRun.resumed(flow.get().id(), state.get().stepId(), read(state.get().data()));
    var replies = new ArrayList<Reply>();
    boolean open = turn(conversationId, flow.get(), run, text, replies);
    save(conversationId, run, open, state.get());
    publish(conversationId, run, false, open);
    return tagged(replies, flow.get().id());
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
      replies.add(
          Reply.text(
              "OK, I've stopped \""
                  + flow.title()
                  + "\". Nothing more will be changed. Ask me anything else."));
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
      replies.add(say("Starting again from the beginning."));
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
    var accepted = accept(ask, text, words);
    if (accepted.isEmpty()) {
      run.tried.add(
          render(ask.text(), run)
              + " -> "
              + (ask.input().sensitive()
                  ? "(answer not accepted)"
                  : "\"" + abbreviate(text) + "\" (not accepted)"));
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
      replies.add(say(ask.invalid() != null ? render(ask.invalid(), run) : defaultInvalid(ask)));
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
      replies.add(say("This is the first question."));
    }
    // Going back is not a failed attempt.
    run.asked.computeIfPresent(target, (k, v) -> Math.max(0, v - 1));
    return advance(conversationId, flow, run, target, replies);
  }

  /** Runs steps from {@code stepId} until a question (true: the flow waits) or an end (false). */
  private boolean advance(
      String conversationId, Flow flow, FlowRun run, String stepId, List<Reply> replies) {
    // An action that showed the user what it found (the tickets) has said it all: an end without
    // `say` after it adds no "That's fixed."
    boolean shown = false;
    for (int i = 0; i < MAX_STEPS_PER_TURN; i++) {
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
          var outcome = run(conversationId, action, run);
          replies.addAll(outcome.shown());
          shown |= !outcome.shown().isEmpty();
          stepId = outcome.ok() ? action.next() : action.onFailed();
          if (!outcome.ok() && stepId == null) {
            return escalate(
                conversationId,
                flow,
                run,
                action.id(),
                null,
                null,
                "Action "
                    + action.action()
                    + " failed: "
                    + outcome.data().getOrDefault("reason", "unknown"),
                replies);
          }
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
            if (end.text() == null && shown) return false;
            replies.add(
                new Reply(
                    ReplyType.FLOW_STEP,
                    end.text() == null ? "That's fixed." : render(end.text(), run),
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

  private FlowAction.Outcome run(String conversationId, Step.Action step, FlowRun run) {
    var action = actions.get(step.action());
    FlowAction.Outcome outcome;
    if (action == null) {
      outcome = FlowAction.Outcome.failed("unknown_action");
    } else {
      var parameters = new HashMap<String, String>();
      step.with().forEach((k, v) -> parameters.put(k, renderParameter(v, run)));
      outcome = action.run(conversationId, parameters);
    }
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
    return outcome;
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
    var answers = new java.util.LinkedHashMap<String, String>();
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
    return known.login(conversationId).filter(l -> matches(ask, l));
  }

  /** The answer as the flow keeps it, or empty when it is not acceptable for the question. */
  static Optional<String> accept(Step.Ask ask, String text, AnswerWords words) {
    var trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_ANSWER) return Optional.empty();
    var normalized = Texts.normalize(trimmed);
    return switch (ask.input()) {
      case YES_NO -> yesNo(normalized, words);
      case CHOICE -> choice(ask.options(), normalized);
      case EMAIL ->
          EMAIL.matcher(trimmed).matches() && matches(ask, trimmed)
              ? Optional.of(trimmed.toLowerCase(Locale.ROOT))
              : Optional.empty();
      case CODE -> {
        var digits = trimmed.replaceAll("[\\s-]", "");
        var pattern = ask.pattern() == null ? DEFAULT_CODE : Pattern.compile(ask.pattern());
        yield pattern.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
      }
      // A secret is taken as typed, spaces and all: a password may contain them.
      case SECRET -> matches(ask, text) ? Optional.of(text) : Optional.empty();
      case TEXT -> matches(ask, trimmed) ? Optional.of(trimmed) : Optional.empty();
    };
  }

  private static boolean matches(Step.Ask ask, String text) {
    return ask.pattern() == null || Pattern.compile(ask.pattern()).matcher(text).matches();
  }

  private static Optional<String> yesNo(String normalized, AnswerWords words) {
    if (words.starts(Intent.Action.YES, normalized)) return Optional.of("yes");
    if (words.starts(Intent.Action.NO, normalized)) return Optional.of("no");
    return Optional.empty();
  }

  private static Optional<String> choice(List<String> options, String normalized) {
    for (int i = 0; i < options.size(); i++) {
      if (Texts.normalize(options.get(i)).equals(normalized)
          || normalized.equals(String.valueOf(i + 1))) {
        return Optional.of(options.get(i));
      }
    }
    if (normalized.length() < 3) return Optional.empty();
    var partial = options.stream().filter(o -> Texts.normalize(o).contains(normalized)).toList();
    return partial.size() == 1 ? Optional.of(partial.get(0)) : Optional.empty();
  }

  private static String abbreviate(String text) {
    var stripped = text.strip();
    return stripped.length() <= 80 ? stripped : stripped.substring(0, 80) + "...";
  }

  private static String defaultInvalid(Step.Ask ask) {
    return switch (ask.input()) {
      case YES_NO -> "Please answer yes or no.";
      case CHOICE -> "Please pick one of the options.";
      case EMAIL -> "That doesn't look like an email address.";
      case CODE -> "That doesn't look like the code from the email.";
      case SECRET, TEXT -> "I couldn't use that answer. Please try again.";
    };
  }

  private Reply question(Step.Ask ask, FlowRun run) {
    var options =
        switch (ask.input()) {
          case CHOICE -> ask.options();
          case YES_NO -> List.of("Yes", "No");
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
        .replaceAll(
            m -> java.util.regex.Matcher.quoteReplacement(run.values.getOrDefault(m.group(1), "")));
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
              return java.util.regex.Matcher.quoteReplacement(value);
            });
  }

  /** Tells analytics how far the run got this turn; answers to secret questions are not in it. */
  private void publish(String conversationId, FlowRun run, boolean started, boolean open) {
    var reached = new java.util.ArrayList<String>(run.history);
    run.actions.forEach(
        a -> {
          if (!reached.contains(a.step())) reached.add(a.step());
        });
    if (!reached.contains(run.stepId)) reached.add(run.stepId);
    var answers = new java.util.LinkedHashMap<String, String>();
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

  private void save(String conversationId, FlowRun run, boolean open, FlowState previous) {
    if (!open) {
      if (previous != null || states.existsById(conversationId)) states.deleteById(conversationId);
      return;
    }
    var now = now();
    var state =
        new FlowState(
            conversationId,
            run.flowId,
            run.stepId,
            write(run.data()),
            previous == null ? now : previous.startedAt(),
            now,
            now.plus(config.expireAfter()));
    if (previous != null || states.existsById(conversationId)) states.update(state);
    else states.save(state);
  }

  /** Abandoned flows: their state is deleted once expired. */
  void purgeExpired() {
    states.deleteByExpiresAtLessThan(now());
  }

  private FlowRun.Data read(String data) {
    try {
      return json.readValue(data, FlowRun.Data.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable flow state", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
