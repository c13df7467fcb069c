package io.tierzero.kb.parse;

import java.nio.file.Path;
import java.util.List;

/**
 * One knowledge-base article: front matter plus the Markdown body split into sections.
 *
 * @param flow the guided fix this article offers ("Fix it for me"), or {@code null}
 * @param body the Markdown after the front matter, as written
 * @param source the file it came from, or {@code null} for articles built in memory
 */
public record Article(
    String id,
    String title,
    String summary,
    List<String> tags,
    String category,
    String updated,
    String owner,
    List<String> questions,
    String flow,
    String body,
    List<Section> sections,
    Path source) {

  public Article {
    tags = List.copyOf(tags);
    questions = List.copyOf(questions);
    sections = List.copyOf(sections);
  }

  /** The body as plain text, sections joined: what BM25 indexes as the body. */
  public String plainText() {
    var text = new StringBuilder();
    for (Section section : sections) {
      if (!section.heading().isEmpty()) text.append(section.heading()).append('\n');
      text.append(section.text()).append('\n');
    }
    return text.toString();
  }
}
