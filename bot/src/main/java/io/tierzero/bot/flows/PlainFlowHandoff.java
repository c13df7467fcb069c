package io.tierzero.bot.flows;

import io.micronaut.context.annotation.Secondary;
import io.tierzero.bot.chat.ChatConfiguration;
import io.tierzero.bot.chat.FlowEscalation;
import io.tierzero.bot.chat.FlowHandoff;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyType;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The handoff when nothing better is installed: the configured handoff text with a summary of what
 * was tried, so the user can pass it on. Tickets replace it with a prefilled ticket form.
 */
@Singleton
@Secondary
class PlainFlowHandoff implements FlowHandoff {
  private final ChatConfiguration chat;
  private final FlowTexts texts;

  PlainFlowHandoff(ChatConfiguration chat, FlowTexts texts) {
    this.chat = chat;
    this.texts = texts;
  }

  @Override
  public List<Reply> handOff(FlowEscalation escalation) {
    var text = new StringBuilder(chat.handoffText());
    if (!escalation.context().tried().isEmpty()) {
      text.append("\n\n").append(texts.get("flows.handoff.tried", escalation.flowTitle()));
      escalation.context().tried().forEach(line -> text.append("\n- ").append(line));
    }
    return List.of(new Reply(ReplyType.HANDOFF, text.toString(), List.of(), List.of()));
  }
}
