package io.tierzero.kb.importing;

import java.util.ArrayList;
import java.util.List;

/** What an import wrote and what it could not map, page by page, for the agent who checks it. */
public final class ImportReport {
  /** One imported page: where it came from, the article it became, and what to check. */
  public record Entry(String source, String article, List<String> notes) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<String> general = new ArrayList<>();

  void imported(String source, String article, List<String> notes) {
    entries.add(new Entry(source, article, List.copyOf(notes)));
  }

  void note(String where, String what) {
    general.add(where + ": " + what);
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The report as Markdown: a line per article, its notes below it. */
  public String markdown() {
    var out = new StringBuilder("# Import report\n\n");
    out.append(entries.size())
        .append(" article")
        .append(entries.size() == 1 ? "" : "s")
        .append(" written. ")
        .append(
            "Each needs `questions` before `kb-indexer validate` passes; the notes say what else to"
                + " check.\n\n");
    general.forEach(g -> out.append("- ").append(g).append('\n'));
    if (!general.isEmpty()) out.append('\n');
    for (Entry e : entries) {
      out.append("## ").append(e.article()).append("\n\nFrom `").append(e.source()).append("`\n\n");
      e.notes().forEach(n -> out.append("- ").append(n).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }
}
