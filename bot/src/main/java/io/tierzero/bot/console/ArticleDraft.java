package io.tierzero.bot.console;

import io.tierzero.bot.analytics.Period;
import io.tierzero.bot.analytics.Reports;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Markdown stub for a content gap, in the knowledge base's format (articles/README.md): front
 * matter filled in, the gap's wordings as {@code questions}, and the body left for an agent to
 * write and commit. Values are double-quoted in YAML so a question with a colon or a hash stays one
 * string.
 */
record ArticleDraft(String id, String category, String markdown) {
  /** Words that make poor tags. */
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "i", "my", "me", "is", "are", "to", "of", "and", "or", "in", "on", "it",
          "do", "how", "can", "cant", "what", "why", "for", "with", "be", "im", "this", "that",
          "not", "dont", "doesnt", "does", "wont", "will", "at", "from", "you", "your", "get",
          "keeps", "still", "again", "there", "when", "has", "have");

  static ArticleDraft of(Reports.Gap gap, String category, Period period, LocalDate today) {
    var title = sentence(gap.title());
    var id = slug(gap.title());
    var yaml = new StringBuilder("---\n");
    yaml.append("id: ").append(id).append('\n');
    yaml.append("title: ").append(quote(title)).append('\n');
    yaml.append("summary: ")
        .append(quote("TODO: one sentence saying what problem this article solves."))
        .append('\n');
    yaml.append("tags: [").append(String.join(", ", tags(gap.examples()))).append("]\n");
    yaml.append("category: ").append(category).append('\n');
    yaml.append("updated: ").append(today).append('\n');
    yaml.append("owner: service-desk\n");
    yaml.append("questions:\n");
    gap.examples().forEach(q -> yaml.append("  - ").append(quote(q.strip())).append('\n'));
    yaml.append("---\n\n");
    yaml.append("# ").append(title).append("\n\n");
    yaml.append("<!-- Content gap: asked ")
        .append(gap.questions())
        .append(" times in ")
        .append(gap.conversations())
        .append(" conversations from ")
        .append(period.from())
        .append(" to ")
        .append(period.to())
        .append("; the bot found no answer ")
        .append(gap.abstained())
        .append(" times and answers were rated down ")
        .append(gap.ratedDown())
        .append(
            " times. Add 4-6 questions in total, write the steps, run kb-indexer validate, and"
                + " commit. -->\n\n");
    yaml.append(
        "TODO: what this is about and who it is for.\n\n"
            + "## Steps\n\n"
            + "1. TODO\n\n"
            + "## If it still does not work\n\n"
            + "TODO: what to try next, or ask the bot for a person.\n");
    return new ArticleDraft(id, category, yaml.toString());
  }

  /** Lowercase letters, digits and hyphens: the article id and file name. */
  static String slug(String text) {
    var slug =
        text.toLowerCase(Locale.ROOT)
            .replace("'", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
    return slug.isEmpty() ? "new-article" : slug;
  }

  private static String sentence(String text) {
    var t = text.strip().replaceAll("[?.!]+$", "");
    return t.isEmpty()
        ? "New article"
        : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
  }

  private static List<String> tags(List<String> wordings) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (var w : wordings) {
      for (var word : w.toLowerCase(Locale.ROOT).replace("'", "").split("[^a-z0-9]+")) {
        if (word.length() > 2 && !STOP.contains(word)) counts.merge(word, 1, Integer::sum);
      }
    }
    var sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    var tags = sorted.stream().limit(5).map(Map.Entry::getKey).toList();
    return tags.size() >= 3
        ? tags
        : concat(tags, List.of("todo", "draft", "gap").subList(0, 3 - tags.size()));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    var out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * A YAML double-quoted scalar on one line: what users typed may hold line breaks, tabs or other
   * control characters, which would end the front matter early or break the YAML.
   */
  static String quote(String s) {
    var oneLine = s.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").replaceAll(" {2,}", " ").strip();
    return "\"" + oneLine.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
