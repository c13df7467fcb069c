package io.tierzero.bot.kb;

import io.micronaut.context.annotation.Factory;
import io.tierzero.kb.KnowledgeBase;
import jakarta.inject.Singleton;

/**
 * The knowledge base as a bean, for whoever needs it first: a question asked while it is still
 * opening waits here ({@link KnowledgeBaseOpening} owns it and closes it).
 */
@Factory
class KnowledgeBaseFactory {
  @Singleton
  KnowledgeBase knowledgeBase(KnowledgeBaseOpening opening) {
    return opening.await();
  }
}
