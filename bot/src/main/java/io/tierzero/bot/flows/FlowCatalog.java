package io.tierzero.bot.flows;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.event.annotation.EventListener;
import io.tierzero.bot.chat.GuidedFixes;
import io.tierzero.bot.kb.KbConfiguration;
import io.tierzero.bot.kb.KnowledgeBaseRebuilt;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Flows;
import io.tierzero.kb.parse.Problem;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows the bot can run, read with the same parser and checks as {@code kb-indexer validate}:
 * at start, and again whenever the watcher rebuilt the knowledge base. A flow with problems at
 * start is not offered at all (half a password reset is worse than none); a flow that an edit
 * breaks keeps its previous version, as articles do, until the file is fixed or removed.
 */
@Singleton
public class FlowCatalog implements GuidedFixes, BeanCreatedEventListener<KnowledgeBase> {
  private static final Logger LOG = LoggerFactory.getLogger(FlowCatalog.class);

  private final Path dir;
  private volatile Map<String, Flow> flows;
  private volatile List<Problem> problems;

  FlowCatalog(FlowsConfiguration config, KbConfiguration kb) {
    this.dir =
        config.dir().isBlank()
            ? kb.articlesPath().resolve(Flows.FOLDER)
            : Path.of(config.dir()).toAbsolutePath().normalize();
    try {
      var loaded = Flows.load(dir);
      loaded.problems().forEach(p -> LOG.warn("Flow not offered: {}", p));
      this.flows = loaded.flows();
      this.problems = loaded.problems();
      LOG.info("{} flows from {}", flows.size(), dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read flows from " + dir, e);
    }
  }

  /**
   * The flows' triggers are intents of the turn's decision: the same flows as offered here, given
   * to the knowledge base as it is put in service (it opens on its own thread, so not here).
   */
  @Override
  public KnowledgeBase onCreated(BeanCreatedEvent<KnowledgeBase> event) {
    event.getBean().useFlowsDir(dir);
    return event.getBean();
  }

  @EventListener
  void onRebuilt(KnowledgeBaseRebuilt rebuilt) {
    try {
      var loaded = Flows.load(dir);
      var next = new HashMap<>(loaded.flows());
      var previous = flows;
      for (var problem : loaded.problems()) {
        // Flow files are named after their flow: the broken file's flow keeps serving.
        var id = problem.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        var kept = previous.get(id);
        if (kept != null && Files.exists(problem.file()) && next.putIfAbsent(id, kept) == null) {
          LOG.warn("Flow not updated, previous version keeps serving: {}", problem);
        } else if (kept == null) {
          LOG.warn("Flow not offered: {}", problem);
        }
      }
      flows = Map.copyOf(next);
      problems = loaded.problems();
      LOG.info("{} flows from {} after an edit", next.size(), dir);
    } catch (IOException | RuntimeException e) {
      LOG.error("Flows not re-read; the previous ones keep serving", e);
    }
  }

  /** What the last reading of the flow files found wrong, with file and line. */
  public List<Problem> problems() {
    return problems;
  }

  public Optional<Flow> get(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  @Override
  public boolean offers(String flowId) {
    return flows.containsKey(flowId);
  }

  public Collection<Flow> all() {
    return flows.values();
  }
}
