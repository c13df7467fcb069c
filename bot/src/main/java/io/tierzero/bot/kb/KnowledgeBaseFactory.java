package io.tierzero.bot.kb;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.tierzero.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the knowledge base once, at start, so the first question does not pay for indexing. */
@Factory
class KnowledgeBaseFactory {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseFactory.class);

  @Context
  @Bean(preDestroy = "close")
  KnowledgeBase knowledgeBase(KbConfiguration config) {
    var articles = config.articlesPath();
    if (!Files.isDirectory(articles)) {
      throw new IllegalStateException(
          "No articles folder at "
              + articles
              + ": run from the repository root or set tierzero.kb.articles-dir"
              + " (TIERZERO_KB_ARTICLES_DIR)");
    }
    long start = System.nanoTime();
    try {
      var kb = KnowledgeBase.open(config.kbConfig());
      for (var problem : kb.lastBuild().problems()) LOG.warn("Article skipped: {}", problem);
      if (kb.articles().isEmpty()) {
        LOG.warn("No articles found in {}: every question will go unanswered and /health reports DOWN", articles);
      }
      LOG.info(
          "Knowledge base ready: {} articles from {} ({} ranking) in {} ms",
          kb.articles().size(),
          articles,
          kb.config().mode(),
          (System.nanoTime() - start) / 1_000_000);
      return kb;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the knowledge base at " + articles, e);
    }
  }
}
