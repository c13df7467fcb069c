package io.tierzero.kb.parse;

/**
 * A run of an article's body under one heading.
 *
 * @param heading the heading text, empty for text before the first heading
 * @param level the heading level (1 for {@code #}), 0 for text before the first heading
 * @param text the section's plain text, paragraphs and list items separated by newlines
 * @param line the 1-based line of the heading in the file
 */
public record Section(String heading, int level, String text, int line) {}
