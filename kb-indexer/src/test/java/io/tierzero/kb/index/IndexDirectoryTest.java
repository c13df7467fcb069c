package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexDirectoryTest {
  @TempDir Path dir;

  @Test
  void an_index_is_compatible_only_with_the_schema_and_model_it_was_committed_with()
      throws IOException {
    Path index = dir.resolve("index");
    try (var directory = IndexDirectory.open(index, "model-a", dir.resolve("articles"))) {
      assertFalse(directory.compatible(), "no commit yet");
      directory.ensureCommit();
      assertTrue(directory.compatible());
    }
    try (var directory = IndexDirectory.open(index, "model-b", dir.resolve("articles"))) {
      assertFalse(directory.compatible());
    }
    assertEquals("model-a", IndexDirectory.describe(index).get("model"));
    assertEquals(IndexDirectory.SCHEMA, IndexDirectory.describe(index).get("schema"));
    assertEquals(
        dir.resolve("articles").toAbsolutePath().toString(),
        IndexDirectory.describe(index).get("articles"));
    assertTrue(IndexDirectory.describe(dir.resolve("none")).isEmpty());
  }

  @Test
  void writes_that_fail_commit_nothing() throws IOException {
    try (var directory = IndexDirectory.open(dir.resolve("index"), "m", dir)) {
      directory.commit(
          writer -> {
            writer.addDocument(doc("kept"));
            return false;
          });

      assertThrows(
          IllegalStateException.class,
          () ->
              directory.commit(
                  writer -> {
                    writer.deleteAll();
                    writer.addDocument(doc("lost"));
                    throw new IllegalStateException("model failed");
                  }));

      try (DirectoryReader reader = DirectoryReader.open(directory.directory())) {
        assertEquals(1, reader.numDocs());
        assertEquals(
            "kept", reader.storedFields().document(0).get(Fields.ARTICLE), "the last commit");
      }
    }
  }

  @Test
  void writes_may_ask_for_one_segment() throws IOException {
    try (var directory = IndexDirectory.open(dir.resolve("index"), "m", dir)) {
      for (int i = 0; i < 3; i++) {
        String id = "a" + i;
        directory.commit(
            writer -> {
              writer.addDocument(doc(id));
              return false;
            });
      }
      assertEquals(3, segments(directory));

      directory.commit(writer -> true);

      assertEquals(1, segments(directory));
    }
  }

  private static int segments(IndexDirectory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory.directory())) {
      return reader.leaves().size();
    }
  }

  private static Document doc(String id) {
    var doc = new Document();
    doc.add(new StringField(Fields.ARTICLE, id, Field.Store.YES));
    return doc;
  }
}
