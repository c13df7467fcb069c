package io.tierzero.kb.validate;

import io.tierzero.kb.KbConfig;
import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.flow.Flows;
import io.tierzero.kb.index.ArticleFiles;
import io.tierzero.kb.index.Synonyms;
import io.tierzero.kb.intent.Intents;
import io.tierzero.kb.intent.TurnDecision;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.ArticleParser;
import io.tierzero.kb.parse.ParseResult;
import io.tierzero.kb.parse.Problem;
import io.tierzero.kb.priority.PriorityTable;
import io.tierzero.kb.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks a knowledge base as code: every file parses, ids are unique, links resolve, articles keep
 * the house rules ({@link HouseRules}), the synonym file, flows, intents and the priority table are
 * well formed, and each article's own questions find that article first.
 */
public final class Validator {
  private final ArticleParser parser = new ArticleParser();
  private final Clock clock;

  public Validator() {
    this(Clock.systemUTC());
  }

  /**
   * @param clock what "today" is when judging an article's date
   */
  public Validator(Clock clock) {
    this.clock = clock;
  }

  /** Every problem, in file then line order; empty when the knowledge base is sound. */
  public List<Problem> validate(KbConfig config) throws IOException {
    Path dir = config.articlesDir();
    List<Problem> problems = new ArrayList<>();
    Map<String, Path> ids = new HashMap<>();
    Map<Path, ParseResult> results = new HashMap<>();
    List<Path> files = ArticleFiles.list(dir);
    for (Path file : files) {
      ParseResult result = parser.parse(file);
      results.put(file, result);
      problems.addAll(result.problems());
    }
    // The same claim order as the index: files named after their id first.
    List<Path> claimOrder = new ArrayList<>(files);
    claimOrder.sort(
        Comparator.comparing(
            (Path f) ->
                results
                    .get(f)
                    .article()
                    .map(a -> !ArticleParser.namedAfter(f, a.id()))
                    .orElse(true)));
    for (Path file : claimOrder) {
      results
          .get(file)
          .article()
          .ifPresent(
              a -> {
                Path other = ids.putIfAbsent(a.id(), file);
                if (other != null) {
                  problems.add(
                      new Problem(
                          file,
                          idLine(file),
                          "duplicate id '" + a.id() + "': already used by " + other));
                }
                String expected = file.getFileName().toString().replaceFirst("\\.md$", "");
                if (!expected.equals(a.id())) {
                  problems.add(
                      new Problem(
                          file,
                          idLine(file),
                          "id '" + a.id() + "' differs from the file name '" + expected + "'"));
                }
              });
    }
    for (Path file : files) {
      for (ParseResult.Link link : results.get(file).links()) {
        if (!ids.containsKey(link.target())) {
          problems.add(
              new Problem(file, link.line(), "link to unknown article '" + link.target() + "'"));
        }
      }
    }
    HouseRules rules = new HouseRules(dir, Categories.load(dir, problems), LocalDate.now(clock));
    for (Path file : files) {
      Optional<Article> article = results.get(file).article();
      if (article.isPresent()) problems.addAll(rules.check(article.get()));
    }
    problems.addAll(Synonyms.load(dir).problems());
    problems.addAll(PriorityTable.check(dir));
    problems.addAll(
        Flows.check(dir, results.values().stream().flatMap(r -> r.article().stream()).toList()));
    problems.addAll(Intents.check(dir));

    // Questions are only worth checking on a knowledge base that parses.
    if (problems.isEmpty()) problems.addAll(questionsFindTheirArticle(config));
    problems.sort(
        Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
    return problems;
  }

  private List<Problem> questionsFindTheirArticle(KbConfig config) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Path index = Files.createTempDirectory("kb-validate");
    try (KnowledgeBase kb =
        KnowledgeBase.open(
            new KbConfig(
                config.articlesDir(),
                index,
                config.model(),
                config.mode(),
                config.ranking(),
                config.queryCacheSize()))) {
      for (Article article : kb.articles()) {
        String[] lines = Files.readString(article.source()).split("\n", -1);
        for (String question : article.questions()) {
          // The whole chat decision: an intent may take the question only if it starts the
          // article's own flow.
          TurnDecision decision = kb.decide(question, 3);
          if (decision.isIntent()) {
            String flow = article.flow() == null ? null : article.flow().strip();
            if (!decision.intent().behaviour().equals("flow:" + flow)) {
              problems.add(
                  new Problem(
                      article.source(),
                      lineOf(lines, question),
                      "question '"
                          + question
                          + "' is taken by intent '"
                          + decision.intent().id()
                          + "', not this article"));
            }
            continue;
          }
          SearchResult result = decision.search();
          String first = result.hits().isEmpty() ? null : result.hits().get(0).id();
          if (!article.id().equals(first)) {
            problems.add(
                new Problem(
                    article.source(),
                    lineOf(lines, question),
                    "question '"
                        + question
                        + "' finds "
                        + (first == null ? "nothing" : "'" + first + "'")
                        + " first, not this article"));
          }
        }
      }
    } finally {
      deleteRecursively(index);
    }
    return problems;
  }

  private static int idLine(Path file) {
    try {
      return ArticleParser.keyLine(Files.readString(file).split("\n", -1), "id", 1);
    } catch (IOException e) {
      return 0;
    }
  }

  private static int lineOf(String[] lines, String text) {
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i + 1;
    return 0;
  }

  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
