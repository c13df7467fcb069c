package io.tierzero.kb.intent;

import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Flows;
import io.tierzero.kb.parse.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every intent of a knowledge base: those in {@code <articles>/intents/*.yaml} and one per flow,
 * whose examples are the flow's triggers. Shared by {@code kb-indexer validate} and the bot.
 *
 * @param intents the usable ones; an intent with a problem is left out, the others still serve
 * @param problems every problem, in file then line order
 */
public record Intents(List<Intent> intents, List<Problem> problems) {
  /** The folder under the articles that holds intents. */
  public static final String FOLDER = "intents";

  public Intents {
    intents = List.copyOf(intents);
    problems = List.copyOf(problems);
  }

  public static final Intents NONE = new Intents(List.of(), List.of());

  /** Intents of the articles folder, with its flows (loaded from {@code flows/}). */
  public static Intents load(Path articlesDir) throws IOException {
    return load(articlesDir.resolve(FOLDER), articlesDir.resolve(Flows.FOLDER));
  }

  /** Intents of {@code dir} with the flows of {@code flowsDir}. */
  public static Intents load(Path dir, Path flowsDir) throws IOException {
    return load(dir, Flows.load(flowsDir).flows().values(), flowIds(flowsDir));
  }

  /**
   * @param flows the flows that load, each becoming an intent
   * @param flowIds every flow file's id, also of flows with problems: naming one of those is not an
   *     unknown flow (the flow's own problems are reported with the flow)
   */
  public static Intents load(Path dir, Collection<Flow> flows, Set<String> flowIds)
      throws IOException {
    var parser = new IntentParser();
    var problems = new ArrayList<Problem>();
    var intents = new ArrayList<Intent>();
    if (Files.isDirectory(dir)) {
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files =
            list.filter(f -> f.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
      }
      var seen = new HashMap<String, Path>();
      for (Path file : files) {
        var result = parser.parse(file);
        problems.addAll(result.problems());
        for (Intent intent : result.intents()) {
          Path other = seen.putIfAbsent(intent.id(), file);
          if (other != null) {
            problems.add(
                new Problem(
                    file,
                    intent.line(),
                    "duplicate intent id '" + intent.id() + "': already used in " + other));
            continue;
          }
          if (intent.action() == Intent.Action.FLOW && !flowIds.contains(intent.flow())) {
            problems.add(
                new Problem(
                    file,
                    intent.line(),
                    "intent '"
                        + intent.id()
                        + "' starts unknown flow '"
                        + intent.flow()
                        + "': no "
                        + Flows.FOLDER
                        + "/"
                        + intent.flow()
                        + ".yaml"));
            continue;
          }
          intents.add(intent);
        }
      }
    }
    flows.stream()
        .sorted(Comparator.comparing(Flow::id))
        .forEach(
            flow ->
                intents.add(
                    new Intent(
                        flow.id(),
                        Intent.Action.FLOW,
                        null,
                        List.of(),
                        flow.id(),
                        flow.triggers(),
                        flow.source(),
                        1)));
    // An intent naming a flow that has problems cannot start it: leave the intent out too.
    var loaded = new HashSet<String>();
    flows.forEach(f -> loaded.add(f.id()));
    intents.removeIf(i -> i.action() == Intent.Action.FLOW && !loaded.contains(i.flow()));
    problems.sort(
        Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
    return new Intents(intents, problems);
  }

  /** Only the problems: for {@code kb-indexer validate}. */
  public static List<Problem> check(Path articlesDir) throws IOException {
    return load(articlesDir.resolve(FOLDER), List.of(), flowIds(articlesDir.resolve(Flows.FOLDER)))
        .problems();
  }

  /**
   * These intents without those that start flows: for a knowledge base that has none of these
   * flows.
   */
  public Intents withoutFlows() {
    return new Intents(
        intents.stream().filter(i -> i.action() != Intent.Action.FLOW).toList(), problems);
  }

  static Set<String> flowIds(Path flowsDir) throws IOException {
    var ids = new HashSet<String>();
    if (!Files.isDirectory(flowsDir)) return ids;
    try (Stream<Path> list = Files.list(flowsDir)) {
      list.map(f -> f.getFileName().toString())
          .filter(n -> n.matches(".+\\.ya?ml"))
          .forEach(n -> ids.add(n.replaceFirst("\\.ya?ml$", "")));
    }
    return ids;
  }
}
