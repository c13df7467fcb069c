package io.tierzero.kb.parse;

/**
 * A piece of an article small enough to embed whole and to show as a snippet.
 *
 * @param ordinal position within the article, from 0
 * @param heading the section heading it comes from, empty before the first heading
 * @param text the passage's own text (what a snippet shows)
 */
public record Passage(String articleId, int ordinal, String heading, String text) {
  /** What gets embedded: the article title and heading give a short passage its topic. */
  public String textForEmbedding(String title) {
    return heading.isEmpty() || heading.equals(title)
        ? title + ". " + text
        : title + ". " + heading + ". " + text;
  }
}
