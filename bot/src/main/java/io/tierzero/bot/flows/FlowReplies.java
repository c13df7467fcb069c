package io.tierzero.bot.flows;

import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.kb.flow.Step;
import jakarta.inject.Singleton;
import java.util.List;

/** The replies a flow's steps make: what a step says, a question with its options, the fix. */
@Singleton
final class FlowReplies {
  private final FlowTexts texts;

  FlowReplies(FlowTexts texts) {
    this.texts = texts;
  }

  /** A step's text, shown as part of the flow. */
  static Reply say(String text) {
    return new Reply(ReplyType.FLOW_STEP, text, List.of(), List.of());
  }

  /** The question, with its options as buttons and its input type for the widget. */
  Reply question(Step.Ask ask, FlowRun run) {
    var options =
        switch (ask.input()) {
          case CHOICE -> ask.options();
          case YES_NO -> List.of(texts.get("flows.option.yes"), texts.get("flows.option.no"));
          default -> List.<String>of();
        };
    return new Reply(
        ReplyType.FLOW_STEP,
        FlowTemplates.render(ask.text(), run),
        List.of(),
        options,
        null,
        new ReplyInput(ask.input().yaml()));
  }

  /** A resolved end: its own text or the engine's, with the button that says it worked. */
  Reply resolved(Step.End end, FlowRun run) {
    return new Reply(
        ReplyType.FLOW_STEP,
        end.text() == null ? texts.get("flows.resolved") : FlowTemplates.render(end.text(), run),
        List.of(),
        List.of(Options.THAT_WORKED));
  }

  /** Every step of a flow says which flow it belongs to. */
  static List<Reply> tagged(List<Reply> replies, String flowId) {
    return replies.stream()
        .map(r -> r.type() == ReplyType.FLOW_STEP ? r.inFlow(flowId) : r)
        .toList();
  }
}
