package io.tierzero.kb.parse;

import java.util.List;
import java.util.Optional;

/**
 * What reading one article file gave: the article when it is usable, and every problem found.
 *
 * @param links internal links ({@code [text](article-id)}) with their lines, checked once all
 *     articles are known
 */
public record ParseResult(Optional<Article> article, List<Problem> problems, List<Link> links) {
  public ParseResult {
    problems = List.copyOf(problems);
    links = List.copyOf(links);
  }

  /** An internal link to another article. */
  public record Link(String target, int line) {}
}
