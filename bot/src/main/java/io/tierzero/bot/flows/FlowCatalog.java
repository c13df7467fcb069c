package io.tierzero.bot.flows;

import io.tierzero.bot.kb.KbConfiguration;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Flows;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows the bot can run, read at start with the same parser and checks as {@code kb-indexer
 * validate}. A flow with problems is not offered at all: half a password reset is worse than none.
 */
@Singleton
public class FlowCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(FlowCatalog.class);

  private final Map<String, Flow> flows;

  FlowCatalog(FlowsConfiguration config, KbConfiguration kb, KnowledgeBase knowledgeBase) {
    Path dir = config.dir().isBlank()
        ? kb.articlesPath().resolve(Flows.FOLDER)
        : Path.of(config.dir()).toAbsolutePath().normalize();
    try {
      var loaded = Flows.load(dir);
      loaded.problems().forEach(p -> LOG.warn("Flow not offered: {}", p));
      this.flows = loaded.flows();
      LOG.info("{} flows from {}", flows.size(), dir);
      // The flows' triggers are intents of the turn's decision: the same flows as offered here.
      knowledgeBase.useFlowsDir(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read flows from " + dir, e);
    }
  }

  public Optional<Flow> get(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  public java.util.Collection<Flow> all() {
    return flows.values();
  }
}
