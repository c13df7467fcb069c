package io.tierzero.bot.chat;

import io.micronaut.context.BeanContext;
import io.micronaut.runtime.event.annotation.EventListener;
import io.tierzero.bot.kb.KnowledgeBaseServing;
import jakarta.inject.Singleton;

/**
 * Creates the chat's beans (handlers, flows, tickets, stores) as soon as the knowledge base serves,
 * on the thread that put it in service, so the first conversation does not wait for them: on two
 * cores that was about a third of a second between the port opening and the first answer.
 */
@Singleton
final class ChatWarmUp {
  private final BeanContext context;

  ChatWarmUp(BeanContext context) {
    this.context = context;
  }

  @EventListener
  void onServing(KnowledgeBaseServing serving) {
    context.getBean(ChatController.class);
  }
}
