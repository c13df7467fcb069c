package io.tierzero.kb.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One page as another tool exported it, before it becomes an article: its body is HTML or Markdown
 * as found, its metadata raw.
 *
 * @param source where it came from, for the report (a file, or a file and the page's id)
 * @param keys what other pages' links may call it (file names, URLs, numeric ids)
 * @param title the page title, or blank when the export has none
 * @param section the category, section or parent page it sat under, or blank
 * @param labels labels or tags
 * @param updated the last change as exported (any common date form), or blank
 * @param summary a one-line description when the export has one, or blank
 * @param body the page content
 * @param html whether {@code body} is HTML (else Markdown)
 * @param base the folder relative links and images resolve against, or null when there is none
 */
public record SourcePage(
    String source,
    Set<String> keys,
    String title,
    String section,
    List<String> labels,
    String updated,
    String summary,
    String body,
    boolean html,
    Path base) {}
