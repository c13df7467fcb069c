package io.tierzero.kb.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The folder of one Lucene index and its commits. A commit records the schema, the embedding model
 * and the articles folder it was built with; a build's writes go into new segments beside the
 * serving ones and become visible in one commit, so a build that fails, or a process killed
 * mid-build, leaves the last commit serving (the next writer removes the orphaned files).
 */
final class IndexDirectory implements Closeable {
  /** Bump when fields or analysis change: an index of another schema is rebuilt in full. */
  static final String SCHEMA = "2";

  private static final String USER_SCHEMA = "schema";
  private static final String USER_MODEL = "model";
  private static final String USER_ARTICLES = "articles";

  private final Directory directory;
  private final String model;
  private final Path articlesDir;

  private IndexDirectory(Directory directory, String model, Path articlesDir) {
    this.directory = directory;
    this.model = model;
    this.articlesDir = articlesDir;
  }

  /**
   * Opens the folder {@code indexDir} (creating it if needed) for articles of {@code articlesDir}.
   */
  static IndexDirectory open(Path indexDir, String model, Path articlesDir) throws IOException {
    Files.createDirectories(indexDir);
    return new IndexDirectory(FSDirectory.open(indexDir), model, articlesDir);
  }

  /** Whether there is a commit of this schema and model, so its documents can be reused. */
  boolean compatible() throws IOException {
    if (!DirectoryReader.indexExists(directory)) return false;
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      Map<String, String> data = reader.getIndexCommit().getUserData();
      return SCHEMA.equals(data.get(USER_SCHEMA)) && model.equals(data.get(USER_MODEL));
    }
  }

  /** Starts a new index from an empty commit: readers need a commit to open. */
  void ensureCommit() throws IOException {
    if (!DirectoryReader.indexExists(directory)) commit(writer -> false);
  }

  /** The writes of one build. */
  interface Writes {
    /** Makes the changes; returns whether to merge the index into one segment before committing. */
    boolean apply(IndexWriter writer) throws IOException;
  }

  /** Applies {@code writes} in one commit, or none of them: on failure the writer rolls back. */
  void commit(Writes writes) throws IOException {
    IndexWriter writer = writer();
    try {
      if (writes.apply(writer)) writer.forceMerge(1);
      writer.setLiveCommitData(
          Map.of(
                  USER_SCHEMA,
                  SCHEMA,
                  USER_MODEL,
                  model,
                  USER_ARTICLES,
                  articlesDir.toAbsolutePath().toString())
              .entrySet());
      writer.commit();
      writer.close();
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  Directory directory() {
    return directory;
  }

  private IndexWriter writer() throws IOException {
    var config = new IndexWriterConfig(Fields.indexAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    return new IndexWriter(directory, config);
  }

  /**
   * The embedding model and articles folder an existing index was built with (keys {@code model}
   * and {@code articles}); empty when there is no index.
   */
  static Map<String, String> describe(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) return Map.of();
    try (Directory directory = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(directory)) return Map.of();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return reader.getIndexCommit().getUserData();
      }
    }
  }

  @Override
  public void close() throws IOException {
    directory.close();
  }
}
