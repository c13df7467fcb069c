package io.tierzero.kb.index;

import io.tierzero.kb.parse.Article;
import java.util.Map;

/**
 * One version of the index as a search sees it: the Lucene searcher of one commit (with its
 * document-to-article table) and the articles that commit holds. Both come from the same build, so
 * every article a search finds is here; a search takes one snapshot and reads only from it, and a
 * build publishes a new snapshot instead of changing this one.
 */
public final class IndexSnapshot {
  private final KbSearcher searcher;
  private final IndexedFiles files;

  IndexSnapshot(KbSearcher searcher, IndexedFiles files) {
    this.searcher = searcher;
    this.files = files;
  }

  public KbSearcher searcher() {
    return searcher;
  }

  /** The articles of this version, by id. */
  public Map<String, Article> articles() {
    return files.byId();
  }

  /** An article of this version, or null when it holds none with this id. */
  public Article article(String id) {
    return files.byId().get(id);
  }

  IndexedFiles files() {
    return files;
  }
}
