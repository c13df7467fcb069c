package io.tierzero.kb.index;

import io.tierzero.kb.parse.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * What one version of the index holds: each article file's id and content hash by path (what a
 * build compares the folder with) and each article by id (what searches show). Immutable; a build
 * makes a new one, and callers do not change the maps they pass in.
 */
record IndexedFiles(Map<String, Entry> byPath, Map<String, Article> byId) {
  static final IndexedFiles EMPTY = new IndexedFiles(Map.of(), Map.of());

  /** The article id a file holds and the hash of the content it was indexed from. */
  record Entry(String id, String hash) {}

  /** Files a build has to parse, and indexed files that are gone. */
  record Changes(Set<String> changed, List<String> removed) {
    boolean none() {
      return changed.isEmpty() && removed.isEmpty();
    }
  }

  /**
   * What differs between this index and the folder's current {@code hashes}.
   *
   * @param full every file counts as changed
   */
  Changes changesTo(Map<String, String> hashes, boolean full) {
    Set<String> changed = new LinkedHashSet<>();
    for (var file : hashes.entrySet()) {
      Entry old = byPath.get(file.getKey());
      if (full || old == null || !old.hash().equals(file.getValue())) changed.add(file.getKey());
    }
    List<String> removed =
        byPath.keySet().stream().filter(p -> !hashes.containsKey(p)).sorted().toList();
    return new Changes(changed, removed);
  }

  /**
   * The ids held by files that stay as they are, with their file: a changed file may not take one.
   */
  Map<String, String> idsKept(Changes changes, Map<String, String> hashes) {
    Map<String, String> owners = new HashMap<>();
    byPath.forEach(
        (path, entry) -> {
          if (!changes.changed().contains(path) && hashes.containsKey(path))
            owners.put(entry.id(), path);
        });
    return owners;
  }

  /** The ids the given files hold now. */
  Set<String> idsOf(Set<String> paths) {
    Set<String> ids = new HashSet<>();
    for (String path : paths) {
      Entry e = byPath.get(path);
      if (e != null) ids.add(e.id());
    }
    return ids;
  }

  /** The table of a committed index, read from its article documents. */
  static IndexedFiles read(IndexReader reader, Path articlesDir) throws IOException {
    Map<String, Entry> byPath = new TreeMap<>();
    Map<String, Article> byId = new HashMap<>();
    IndexSearcher searcher = new IndexSearcher(reader);
    var query = new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE));
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
      Document doc = stored.document(hit.doc);
      String path = doc.get(Fields.PATH);
      Article article = ArticleJson.read(doc.get(Fields.JSON), articlesDir.resolve(path));
      byPath.put(path, new Entry(article.id(), doc.get(Fields.HASH)));
      byId.put(article.id(), article);
    }
    return new IndexedFiles(byPath, byId);
  }
}
