package io.tierzero.kb.index;

import io.tierzero.kb.BuildReport;
import io.tierzero.kb.embed.Embedder;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.ArticleParser;
import io.tierzero.kb.parse.ParseResult;
import io.tierzero.kb.parse.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;

/**
 * The Lucene index of one articles folder, kept up to date incrementally: a build hashes every
 * article file ({@link ArticleFiles}), re-indexes only those whose hash changed against what the
 * index holds ({@link IndexedFiles}), embeds only passages whose vector is not stored yet ({@link
 * VectorCache}), writes them in one commit ({@link IndexDirectory}) and then publishes the new
 * version to searches as one {@link IndexSnapshot}.
 */
public final class KbIndex implements Closeable {
  private final Path articlesDir;
  private final IndexDirectory directory;
  private final Embedder embedder;
  private final VectorCache vectors;
  private final ArticleParser parser;
  private final Snapshots snapshots;
  private final ReentrantLock buildLock = new ReentrantLock();
  private volatile BuildReport lastBuild;

  private KbIndex(
      Path articlesDir,
      IndexDirectory directory,
      Embedder embedder,
      ArticleParser parser,
      Snapshots snapshots) {
    this.articlesDir = articlesDir;
    this.directory = directory;
    this.embedder = embedder;
    this.vectors = embedder == null ? null : new VectorCache(embedder);
    this.parser = parser;
    this.snapshots = snapshots;
  }

  /**
   * Opens the index in {@code indexDir} (creating it if needed) and brings it up to date with
   * {@code articlesDir}.
   *
   * @param embedder the passage model, or null for an index without vectors
   */
  public static KbIndex open(
      Path articlesDir, Path indexDir, Embedder embedder, ArticleParser parser, Progress progress)
      throws IOException {
    IndexDirectory directory = IndexDirectory.open(indexDir, modelName(embedder), articlesDir);
    boolean compatible;
    Snapshots snapshots;
    try {
      compatible = directory.compatible();
      directory.ensureCommit();
      IndexedFiles files = IndexedFiles.EMPTY;
      if (compatible) {
        try (DirectoryReader reader = DirectoryReader.open(directory.directory())) {
          files = IndexedFiles.read(reader, articlesDir);
        }
      }
      snapshots = new Snapshots(directory.directory(), files);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    KbIndex index = new KbIndex(articlesDir, directory, embedder, parser, snapshots);
    try {
      index.update(!compatible, progress);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
    return index;
  }

  /** What the latest build (the one at open, or a later update) did. */
  public BuildReport lastBuild() {
    return lastBuild;
  }

  /** Articles serving now, by id. */
  public Map<String, Article> articles() {
    return snapshots.current().articles();
  }

  public Embedder embedder() {
    return embedder;
  }

  /**
   * The version serving now, its searcher and its articles together; hold it for one search and
   * give it back with {@link #release}.
   */
  public IndexSnapshot acquire() {
    return snapshots.acquire();
  }

  public void release(IndexSnapshot snapshot) throws IOException {
    snapshots.release(snapshot);
  }

  /**
   * Re-reads the articles folder and indexes what changed.
   *
   * @param full re-index every article (vectors still come from the cache where text is unchanged)
   */
  public BuildReport update(boolean full, Progress progress) throws IOException {
    buildLock.lock();
    try {
      lastBuild = build(full, progress);
      return lastBuild;
    } finally {
      buildLock.unlock();
    }
  }

  private BuildReport build(boolean full, Progress progress) throws IOException {
    long start = System.nanoTime();
    IndexedFiles before = snapshots.current().files();
    Map<String, String> hashes = ArticleFiles.hashes(articlesDir);
    List<Problem> problems = new ArrayList<>();

    IndexedFiles.Changes changes = before.changesTo(hashes, full);
    if (changes.none()) {
      return new BuildReport(
          before.byId().size(), 0, 0, 0, hashes.size(), 0, problems, millisSince(start));
    }

    Map<String, String> idOwner = before.idsKept(changes, hashes);
    Map<String, ParseResult> results = new LinkedHashMap<>();
    int done = 0;
    for (String path : changes.changed()) {
      progress.update("parsing", ++done, changes.changed().size());
      ParseResult result = parser.parse(articlesDir.resolve(path));
      problems.addAll(result.problems());
      results.put(path, result);
    }
    // Files named after their id claim it first, so a copy cannot take over an article's id.
    List<String> claimOrder = new ArrayList<>(changes.changed());
    claimOrder.sort(
        Comparator.comparing(
            (String path) ->
                results
                    .get(path)
                    .article()
                    .map(a -> !ArticleParser.namedAfter(Path.of(path), a.id()))
                    .orElse(true)));
    Map<String, IndexedFiles.Entry> entries = new TreeMap<>();
    Map<String, Article> parsed = new LinkedHashMap<>();
    for (String path : claimOrder) {
      Path file = articlesDir.resolve(path);
      Article article = results.get(path).article().orElse(null);
      if (article != null) {
        String owner = idOwner.putIfAbsent(article.id(), path);
        if (owner != null) {
          problems.add(
              new Problem(
                  file,
                  ArticleParser.keyLine(lines(file), "id", 1),
                  "duplicate id '" + article.id() + "': already used by " + owner));
          article = null;
        }
      }
      if (article != null) {
        parsed.put(path, article);
        entries.put(path, new IndexedFiles.Entry(article.id(), hashes.get(path)));
      } else if (full && before.byPath().containsKey(path)) {
        // A broken edit keeps the previous version serving; its old hash makes the next build
        // read the file again.
        IndexedFiles.Entry old = before.byPath().get(path);
        parsed.put(path, before.byId().get(old.id()));
        entries.put(path, old);
      }
    }

    Map<String, String> hashOf = new HashMap<>();
    entries.forEach((path, entry) -> hashOf.put(path, entry.hash()));
    ArticleDocuments documents =
        ArticleDocuments.of(
            parsed, hashOf, vectors, storedVectors(full ? null : before, parsed), progress);

    Map<String, IndexedFiles.Entry> byPath = new TreeMap<>(full ? Map.of() : before.byPath());
    Map<String, Article> byId = new HashMap<>(full ? Map.of() : before.byId());
    int[] counts = new int[2]; // added, updated
    directory.commit(
        writer -> {
          if (full) writer.deleteAll();
          for (String path : changes.removed()) {
            IndexedFiles.Entry old = byPath.remove(path);
            if (old != null) {
              writer.deleteDocuments(new Term(Fields.ARTICLE, old.id()));
              byId.remove(old.id());
            }
          }
          for (var entry : parsed.entrySet()) {
            String path = entry.getKey();
            Article article = entry.getValue();
            IndexedFiles.Entry old = byPath.get(path);
            if (old != null && !old.id().equals(article.id())) {
              writer.deleteDocuments(new Term(Fields.ARTICLE, old.id()));
              byId.remove(old.id());
            }
            writer.updateDocuments(
                new Term(Fields.ARTICLE, article.id()), documents.byPath().get(path));
            if (before.byPath().containsKey(path)) counts[1]++;
            else counts[0]++;
            byPath.put(path, entries.get(path));
            byId.put(article.id(), article);
          }
          // A search visits every segment, and a first build leaves one per flush of the writer's
          // buffer: on 10,000 articles, one segment instead of three halved the CPU per search. A
          // small edit is left to the merge policy, since merging would rewrite the whole index.
          return full || (parsed.size() + changes.removed().size()) * 10 >= byId.size();
        });
    snapshots.publish(new IndexedFiles(Map.copyOf(byPath), Map.copyOf(byId)));
    return new BuildReport(
        byId.size(),
        counts[0],
        counts[1],
        changes.removed().size(),
        hashes.size() - changes.changed().size(),
        documents.embedded(),
        problems,
        millisSince(start));
  }

  /**
   * The stored vectors a build may reuse for these articles: those of their previous versions, or
   * with {@code before} null (a full build) every stored vector.
   */
  private Map<String, float[]> storedVectors(IndexedFiles before, Map<String, Article> articles)
      throws IOException {
    if (vectors == null) return Map.of();
    IndexSnapshot snapshot = snapshots.acquire();
    try {
      return VectorCache.stored(
          snapshot.searcher(), before == null ? null : before.idsOf(articles.keySet()));
    } finally {
      snapshots.release(snapshot);
    }
  }

  static String modelName(Embedder embedder) {
    return embedder == null ? "none" : embedder.name();
  }

  /**
   * The embedding model and articles folder an existing index was built with (keys {@code model}
   * and {@code articles}); empty when there is no index.
   */
  public static Map<String, String> describe(Path indexDir) throws IOException {
    return IndexDirectory.describe(indexDir);
  }

  private static String[] lines(Path file) {
    try {
      return Files.readString(file).split("\n", -1);
    } catch (IOException e) {
      return new String[0];
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public void close() throws IOException {
    try {
      snapshots.close();
    } finally {
      directory.close();
    }
  }
}
