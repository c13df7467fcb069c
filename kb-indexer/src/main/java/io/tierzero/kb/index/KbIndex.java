package io.tierzero.kb.index;

import io.tierzero.kb.BuildReport;
import io.tierzero.kb.embed.Embedder;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.ArticleParser;
import io.tierzero.kb.parse.ParseResult;
import io.tierzero.kb.parse.Passage;
import io.tierzero.kb.parse.Passages;
import io.tierzero.kb.parse.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of one articles folder, kept up to date incrementally.
 *
 * <p>A build is atomic: changes go into new segments beside the serving ones and become visible
 * only through Lucene's commit, which switches the index to the new segments in one step. A build
 * that fails, or a process killed mid-build, leaves the last commit serving; the next writer
 * removes the orphaned files.
 *
 * <p>Incremental: each article document stores its file's path and content hash, so a build hashes
 * every file and re-indexes only those whose hash changed. Passage vectors are stored with a key of
 * model and text, so an edited article embeds only its changed passages.
 */
public final class KbIndex implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(KbIndex.class);

  /** Bump when fields or analysis change: an index of another schema is rebuilt in full. */
  static final String SCHEMA = "2";

  private static final String USER_SCHEMA = "schema";
  private static final String USER_MODEL = "model";
  private static final String USER_ARTICLES = "articles";

  private final Path articlesDir;
  private final Directory directory;
  private final Embedder embedder;
  private final ArticleParser parser;
  private final SearcherManager searchers;
  private final ReentrantLock buildLock = new ReentrantLock();
  private volatile State state;
  private volatile BuildReport lastBuild;

  /** What the index holds, by path (for builds) and by id (for readers); replaced whole. */
  private record State(Map<String, Entry> byPath, Map<String, Article> byId) {}

  private record Entry(String id, String hash) {}

  private KbIndex(
      Path articlesDir, Directory directory, Embedder embedder, ArticleParser parser, State state)
      throws IOException {
    this.articlesDir = articlesDir;
    this.directory = directory;
    this.embedder = embedder;
    this.parser = parser;
    this.state = state;
    this.searchers = new SearcherManager(directory, KbSearcher.factory());
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
    Files.createDirectories(indexDir);
    Directory directory = FSDirectory.open(indexDir);
    String model = modelName(embedder);
    boolean compatible = false;
    if (DirectoryReader.indexExists(directory)) {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        Map<String, String> data = reader.getIndexCommit().getUserData();
        compatible = SCHEMA.equals(data.get(USER_SCHEMA)) && model.equals(data.get(USER_MODEL));
      }
    }
    if (!DirectoryReader.indexExists(directory)) {
      // SearcherManager needs a commit to open: start from an empty one.
      try (IndexWriter writer = writer(directory)) {
        writer.setLiveCommitData(userData(model, articlesDir).entrySet());
        writer.commit();
      }
    }
    State state = compatible ? load(directory, articlesDir) : new State(Map.of(), Map.of());
    KbIndex index = new KbIndex(articlesDir, directory, embedder, parser, state);
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
    return state.byId();
  }

  public Embedder embedder() {
    return embedder;
  }

  public SearcherManager searchers() {
    return searchers;
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
    State before = state;
    Map<String, String> hashes = hashFiles(articlesDir);
    List<Problem> problems = new ArrayList<>();

    // Which files need parsing, and which indexed paths are gone.
    Set<String> changed = new LinkedHashSet<>();
    for (var file : hashes.entrySet()) {
      Entry old = before.byPath().get(file.getKey());
      if (full || old == null || !old.hash().equals(file.getValue())) changed.add(file.getKey());
    }
    List<String> removed =
        before.byPath().keySet().stream().filter(p -> !hashes.containsKey(p)).sorted().toList();
    if (changed.isEmpty() && removed.isEmpty()) {
      return new BuildReport(
          before.byId().size(), 0, 0, 0, hashes.size(), 0, problems, millisSince(start));
    }

    // Ids held by files that stay as they are; a changed file may not take one of them.
    Map<String, String> idOwner = new HashMap<>();
    before
        .byPath()
        .forEach(
            (path, entry) -> {
              if (!changed.contains(path) && hashes.containsKey(path))
                idOwner.put(entry.id(), path);
            });
    Map<String, ParseResult> results = new LinkedHashMap<>();
    int done = 0;
    for (String path : changed) {
      progress.update("parsing", ++done, changed.size());
      ParseResult result = parser.parse(articlesDir.resolve(path));
      problems.addAll(result.problems());
      results.put(path, result);
    }
    // Files named after their id claim it first, so a copy cannot take over an article's id.
    List<String> claimOrder = new ArrayList<>(changed);
    claimOrder.sort(
        Comparator.comparing(
            (String path) ->
                results
                    .get(path)
                    .article()
                    .map(a -> !ArticleParser.namedAfter(Path.of(path), a.id()))
                    .orElse(true)));
    Map<String, Entry> entries = new TreeMap<>();
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
        entries.put(path, new Entry(article.id(), hashes.get(path)));
      } else if (full && before.byPath().containsKey(path)) {
        // A broken edit keeps the previous version serving; its old hash makes the next build
        // read the file again.
        Entry old = before.byPath().get(path);
        parsed.put(path, before.byId().get(old.id()));
        entries.put(path, old);
      }
    }

    Documents documents = documents(parsed, entries, full ? null : before, progress);

    Map<String, Entry> byPath = new TreeMap<>(full ? Map.of() : before.byPath());
    Map<String, Article> byId = new HashMap<>(full ? Map.of() : before.byId());
    int added = 0;
    int updated = 0;
    IndexWriter writer = writer(directory);
    try {
      if (full) writer.deleteAll();
      for (String path : removed) {
        Entry old = byPath.remove(path);
        if (old != null) {
          writer.deleteDocuments(new Term(Fields.ARTICLE, old.id()));
          byId.remove(old.id());
        }
      }
      for (var entry : parsed.entrySet()) {
        String path = entry.getKey();
        Article article = entry.getValue();
        Entry old = byPath.get(path);
        if (old != null && !old.id().equals(article.id())) {
          writer.deleteDocuments(new Term(Fields.ARTICLE, old.id()));
          byId.remove(old.id());
        }
        writer.updateDocuments(
            new Term(Fields.ARTICLE, article.id()), documents.byPath().get(path));
        if (before.byPath().containsKey(path)) updated++;
        else added++;
        byPath.put(path, entries.get(path));
        byId.put(article.id(), article);
      }
      // A search visits every segment, and a first build leaves one per flush of the writer's
      // buffer: on 10,000 articles, one segment instead of three halved the CPU per search. A
      // small edit is left to the merge policy, since merging would rewrite the whole index.
      if (full || (parsed.size() + removed.size()) * 10 >= byId.size()) writer.forceMerge(1);
      writer.setLiveCommitData(userData(modelName(embedder), articlesDir).entrySet());
      writer.commit();
      writer.close();
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
    searchers.maybeRefreshBlocking();
    state = new State(Map.copyOf(byPath), Map.copyOf(byId));
    return new BuildReport(
        byId.size(),
        added,
        updated,
        removed.size(),
        hashes.size() - changed.size(),
        documents.embedded(),
        problems,
        millisSince(start));
  }

  /** A passage waiting for its vector. */
  private record Pending(String path, Passage passage, String kind, String text) {}

  /** Lucene documents by article path, and how many passages had to be embedded for them. */
  private record Documents(Map<String, List<Document>> byPath, int embedded) {}

  /**
   * Lucene documents for each article, embedding only passages whose vector is not cached.
   *
   * @param before the index state whose vectors may be reused for these articles; null to look
   *     through every stored vector (a full build)
   */
  private Documents documents(
      Map<String, Article> articles, Map<String, Entry> entries, State before, Progress progress)
      throws IOException {
    List<Pending> pending = new ArrayList<>();
    for (var entry : articles.entrySet()) {
      String path = entry.getKey();
      Article article = entry.getValue();
      for (Passage p : Passages.of(article)) {
        pending.add(new Pending(path, p, Fields.KIND_BODY, p.textForEmbedding(article.title())));
      }
      // Titles and the ways users ask are embedded on their own: a question is closest in meaning
      // to another question, not to the steps that answer it.
      String title =
          article.summary().isEmpty()
              ? article.title()
              : article.title() + ". " + article.summary();
      pending.add(
          new Pending(path, new Passage(article.id(), -1, "", title), Fields.KIND_TITLE, title));
      for (String question : article.questions()) {
        var passage = new Passage(article.id(), -1, "", question);
        pending.add(new Pending(path, passage, Fields.KIND_QUESTION, question));
      }
    }

    Map<String, float[]> vectors = new HashMap<>();
    int embedded = 0;
    if (embedder != null) {
      vectors.putAll(cachedVectors(before == null ? null : idsOf(articles.keySet(), before)));
      Map<String, String> missing = new LinkedHashMap<>();
      for (Pending p : pending) {
        String key = vectorKey(p.text());
        if (!vectors.containsKey(key)) missing.putIfAbsent(key, p.text());
      }
      List<String> keys = List.copyOf(missing.keySet());
      List<String> texts = List.copyOf(missing.values());
      int batch = 256;
      for (int from = 0; from < texts.size(); from += batch) {
        progress.update("embedding", from, texts.size());
        int to = Math.min(texts.size(), from + batch);
        List<float[]> result = embedder.embedPassages(texts.subList(from, to));
        for (int i = 0; i < result.size(); i++) vectors.put(keys.get(from + i), result.get(i));
      }
      if (!texts.isEmpty()) progress.update("embedding", texts.size(), texts.size());
      embedded = texts.size();
    }

    Map<String, List<Document>> byPath = new HashMap<>();
    for (var entry : articles.entrySet()) {
      Article article = entry.getValue();
      String hash = entries.get(entry.getKey()).hash();
      List<Document> docs = new ArrayList<>();
      docs.add(Fields.article(article, entry.getKey(), hash, ArticleJson.write(article)));
      byPath.put(entry.getKey(), docs);
    }
    for (Pending p : pending) {
      String key = embedder == null ? null : vectorKey(p.text());
      float[] vector = key == null ? null : vectors.get(key);
      byPath.get(p.path()).add(Fields.passage(p.passage(), p.kind(), vector, key));
    }
    return new Documents(byPath, embedded);
  }

  private static Set<String> idsOf(Set<String> paths, State before) {
    Set<String> ids = new HashSet<>();
    for (String path : paths) {
      Entry e = before.byPath().get(path);
      if (e != null) ids.add(e.id());
    }
    return ids;
  }

  static String modelName(Embedder embedder) {
    return embedder == null ? "none" : embedder.name();
  }

  /** Stored vectors by key, for the given articles (null: all). */
  private Map<String, float[]> cachedVectors(Set<String> articleIds) throws IOException {
    Map<String, float[]> vectors = new HashMap<>();
    if (articleIds != null && articleIds.isEmpty()) return vectors;
    IndexSearcher searcher = searchers.acquire();
    try {
      var query = new BooleanQuery.Builder();
      query.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), Occur.FILTER);
      if (articleIds != null) {
        query.add(
            new TermInSetQuery(Fields.ARTICLE, articleIds.stream().map(BytesRef::new).toList()),
            Occur.FILTER);
      }
      ScoreDoc[] hits =
          searcher.search(query.build(), Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs;
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : hits) {
        Document doc = stored.document(hit.doc, Set.of(Fields.VECTOR_KEY, Fields.VECTOR_BYTES));
        String key = doc.get(Fields.VECTOR_KEY);
        BytesRef bytes = doc.getBinaryValue(Fields.VECTOR_BYTES);
        if (key != null && bytes != null) vectors.put(key, Fields.toFloats(bytes));
      }
    } finally {
      searchers.release(searcher);
    }
    return vectors;
  }

  private String vectorKey(String text) {
    return sha256(embedder.name() + "\n" + text);
  }

  private static State load(Directory directory, Path articlesDir) throws IOException {
    Map<String, Entry> byPath = new TreeMap<>();
    Map<String, Article> byId = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
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
    }
    return new State(byPath, byId);
  }

  private static IndexWriter writer(Directory directory) throws IOException {
    var config = new IndexWriterConfig(Fields.indexAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    return new IndexWriter(directory, config);
  }

  private static Map<String, String> userData(String model, Path articlesDir) {
    return Map.of(
        USER_SCHEMA,
        SCHEMA,
        USER_MODEL,
        model,
        USER_ARTICLES,
        articlesDir.toAbsolutePath().toString());
  }

  /**
   * The embedding model and articles folder an existing index was built with (keys {@code model}
   * and {@code articles}); empty when there is no index.
   */
  public static Map<String, String> describe(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) return Map.of();
    try (Directory directory = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(directory)) return Map.of();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return reader.getIndexCommit().getUserData();
      }
    }
  }

  /**
   * Content hashes of the article files ({@link #articleFiles}), keyed by path relative to the
   * folder with forward slashes.
   */
  static Map<String, String> hashFiles(Path articlesDir) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    for (Path file : articleFiles(articlesDir)) {
      String rel = articlesDir.relativize(file).toString().replace('\\', '/');
      try {
        hashes.put(rel, sha256(Files.readAllBytes(file)));
      } catch (IOException e) {
        // An unreadable file is a changed file: parsing reports why.
        hashes.put(rel, "unreadable");
      }
    }
    return hashes;
  }

  /**
   * Every article file below {@code articlesDir}, sorted: {@code .md} files except READMEs, the
   * flows folder and hidden files and folders.
   *
   * <p>Symbolic links are followed, the folder itself included: Kubernetes mounts a ConfigMap as
   * {@code x.md -> ..data/x.md} with {@code ..data -> ..2026_12_01/}, and git-sync swaps a link to
   * the checkout. The hidden {@code ..data} and {@code ..2026_12_01} folders are skipped, so each
   * article is found once, by its visible name. A link back to a folder above is a loop: it is
   * logged and skipped.
   */
  public static List<Path> articleFiles(Path articlesDir) throws IOException {
    if (!Files.isDirectory(articlesDir)) {
      throw new IOException("articles folder not found: " + articlesDir.toAbsolutePath());
    }
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        articlesDir,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(articlesDir)) return FileVisitResult.CONTINUE;
            String name = dir.getFileName().toString();
            boolean flows = dir.getParent().equals(articlesDir) && name.equals("flows");
            return name.startsWith(".") || flows
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isArticleFile(file)) files.add(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof FileSystemLoopException) {
              LOG.warn("Not following {}: it links back to a folder above it", file);
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
    files.sort(Comparator.naturalOrder());
    return files;
  }

  /**
   * Markdown files that are articles: READMEs document the folder and hidden files are editors'.
   */
  public static boolean isArticleFile(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && name.toLowerCase(Locale.ROOT).endsWith(".md")
        && !name.equalsIgnoreCase("README.md")
        && !name.startsWith(".");
  }

  private static String[] lines(Path file) {
    try {
      return Files.readString(file).split("\n", -1);
    } catch (IOException e) {
      return new String[0];
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    directory.close();
  }
}
