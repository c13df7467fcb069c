package io.tierzero.bot.chat;

import io.micronaut.context.MessageSource;
import io.tierzero.bot.i18n.Messages;
import io.tierzero.bot.redaction.PlainText;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Answers while the database cannot be reached: the knowledge base alone (it lives in the local
 * index, not the database), nothing stored, and a note telling the user so. The token cannot be
 * checked meanwhile, which reveals nothing: articles are public and no conversation is read. Guided
 * fixes, tickets and everything else that keeps state wait until the database is back.
 */
@Singleton
public class OfflineAnswers {
  private final KnowledgeBaseHandler knowledgeBase;
  private final MessageSource messages;

  OfflineAnswers(KnowledgeBaseHandler knowledgeBase, MessageSource messages) {
    this.knowledgeBase = knowledgeBase;
    this.messages = messages;
  }

  public List<BotMessage> answer(String text) {
    var context = TurnContext.of("", PlainText.clean(text), 0, null);
    var answers = new ArrayList<BotMessage>();
    for (var reply : knowledgeBase.handle(context)) {
      // Only the article answer: a handoff would offer a ticket that cannot be stored now.
      if (reply.type() == ReplyType.HANDOFF) continue;
      answers.add(message(reply));
    }
    answers.add(message(Reply.text(Messages.text(messages, "chat.offline"))));
    return answers;
  }

  /** An id that is no stored message's: feedback on it is refused like any unknown id. */
  private static BotMessage message(Reply reply) {
    return new BotMessage(
        "unsaved-" + UUID.randomUUID(),
        reply.type(),
        reply.text(),
        reply.articles(),
        reply.options(),
        reply.form(),
        reply.input(),
        reply.flow(),
        reply.action());
  }
}
