package io.tierzero.kb.flow;

import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.ArticleParser;
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
import java.util.Map;
import java.util.stream.Stream;

/**
 * All flows of a knowledge base ({@code <articles>/flows/*.yaml}), shared by {@code kb-indexer
 * validate} and the bot so both read and judge flows the same way.
 *
 * @param flows the flows without problems, by id
 * @param problems every problem, in file then line order
 */
public record Flows(Map<String, Flow> flows, List<Problem> problems) {
  /** The folder under the articles that holds flows. */
  public static final String FOLDER = "flows";

  public Flows {
    flows = Map.copyOf(flows);
    problems = List.copyOf(problems);
  }

  /** Loads every {@code *.yaml} / {@code *.yml} in {@code dir}; a missing folder has no flows. */
  public static Flows load(Path dir) throws IOException {
    var parser = new FlowParser();
    var checker = new FlowChecker();
    var flows = new HashMap<String, Flow>();
    var problems = new ArrayList<Problem>();
    if (!Files.isDirectory(dir)) return new Flows(flows, problems);
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
    }
    var seen = new HashMap<String, Path>();
    for (Path file : files) {
      var result = parser.parse(file);
      var found = new ArrayList<>(result.problems());
      result
          .flow()
          .ifPresent(
              flow -> {
                found.addAll(checker.check(flow));
                Path other = seen.putIfAbsent(flow.id(), file);
                if (other != null)
                  found.add(
                      new Problem(
                          file,
                          1,
                          "duplicate flow id '" + flow.id() + "': already used by " + other));
              });
      problems.addAll(found);
      if (found.isEmpty()) result.flow().ifPresent(flow -> flows.put(flow.id(), flow));
    }
    problems.sort(
        Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
    return new Flows(flows, problems);
  }

  /**
   * Problems of the flows under {@code articlesDir} and of the articles' {@code flow:} references:
   * an article that names a flow that does not exist (or does not load) is a problem on its line.
   */
  public static List<Problem> check(Path articlesDir, Collection<Article> articles)
      throws IOException {
    var dir = articlesDir.resolve(FOLDER);
    var loaded = load(dir);
    var problems = new ArrayList<>(loaded.problems());
    var ids = new HashSet<String>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        list.map(f -> f.getFileName().toString())
            .filter(n -> n.matches(".+\\.ya?ml"))
            .forEach(n -> ids.add(n.replaceFirst("\\.ya?ml$", "")));
      }
    }
    for (Article article : articles) {
      String flow = article.flow();
      if (flow == null || flow.isBlank() || ids.contains(flow.strip())) continue;
      int line = 0;
      if (article.source() != null) {
        line = ArticleParser.keyLine(Files.readString(article.source()).split("\n", -1), "flow", 0);
      }
      problems.add(
          new Problem(
              article.source() == null ? Path.of(article.id()) : article.source(),
              line,
              "unknown flow '" + flow + "': no " + FOLDER + "/" + flow + ".yaml"));
    }
    return problems;
  }

  public Flow get(String id) {
    return flows.get(id);
  }
}
