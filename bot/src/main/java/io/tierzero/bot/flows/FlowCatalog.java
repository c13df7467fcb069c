package io.tierzero.bot.flows;

import io.tierzero.bot.chat.Texts;
import io.tierzero.bot.kb.KbConfiguration;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Flows;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
  private final List<Trigger> triggers;

  /** A flow's trigger phrases as one pattern; longer phrases are tried first. */
  private record Trigger(Flow flow, Pattern pattern, int longest) {}

  FlowCatalog(FlowsConfiguration config, KbConfiguration kb) {
    Path dir = config.dir().isBlank()
        ? kb.articlesPath().resolve(Flows.FOLDER)
        : Path.of(config.dir()).toAbsolutePath().normalize();
    try {
      var loaded = Flows.load(dir);
      loaded.problems().forEach(p -> LOG.warn("Flow not offered: {}", p));
      this.flows = loaded.flows();
      LOG.info("{} flows from {}", flows.size(), dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read flows from " + dir, e);
    }
    this.triggers = flows.values().stream()
        .map(f -> new Trigger(f, Texts.anyPhrase(f.triggers()),
            f.triggers().stream().mapToInt(t -> Texts.normalize(t).length()).max().orElse(0)))
        .sorted(Comparator.comparingInt(Trigger::longest).reversed().thenComparing(t -> t.flow().id()))
        .toList();
  }

  public Optional<Flow> get(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  public java.util.Collection<Flow> all() {
    return flows.values();
  }

  /** The flow whose trigger phrase {@code normalized} contains; the longest phrase wins. */
  public Optional<Flow> triggeredBy(String normalized) {
    Flow best = null;
    int bestLength = -1;
    for (var trigger : triggers) {
      var m = trigger.pattern().matcher(normalized);
      while (m.find()) {
        int length = m.end() - m.start();
        if (length > bestLength) {
          best = trigger.flow();
          bestLength = length;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
