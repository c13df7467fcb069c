package io.tierzero.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierzero.kb.TestKb;
import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.ArticleParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleDocumentsTest {
  @TempDir Path dir;

  private Map<String, Article> article() throws IOException {
    Path file =
        TestKb.write(
            dir,
            "vpn/connect-vpn.md",
            TestKb.article(
                "connect-vpn", "Connect", "vpn", "Start the client.", "vpn from home", "remote"));
    return Map.of("vpn/connect-vpn.md", new ArticleParser().parse(file).article().orElseThrow());
  }

  @Test
  void an_article_document_then_passages_title_and_each_question() throws IOException {
    var docs =
        ArticleDocuments.of(
            article(), Map.of("vpn/connect-vpn.md", "h"), null, Map.of(), Progress.NONE);

    List<Document> byArticle = docs.byPath().get("vpn/connect-vpn.md");
    assertEquals("h", byArticle.get(0).get(Fields.HASH));
    assertEquals(
        List.of(Fields.KIND_BODY, Fields.KIND_TITLE, Fields.KIND_QUESTION, Fields.KIND_QUESTION),
        byArticle.subList(1, byArticle.size()).stream().map(d -> d.get(Fields.KIND)).toList());
    assertNull(byArticle.get(1).getBinaryValue(Fields.VECTOR_BYTES), "no model, no vectors");
    assertEquals(0, docs.embedded());
  }

  @Test
  void stored_vectors_are_reused_and_only_new_texts_embedded() throws IOException {
    var model = new VectorCacheTest.CountingEmbedder("m");
    var cache = new VectorCache(model);
    Map<String, float[]> stored = Map.of(cache.key("vpn from home"), new float[] {1});

    var docs =
        ArticleDocuments.of(
            article(), Map.of("vpn/connect-vpn.md", "h"), cache, stored, Progress.NONE);

    assertEquals(3, docs.embedded(), "body, title and one question");
    assertEquals(3, model.embedded.size());
    for (Document d : docs.byPath().get("vpn/connect-vpn.md").subList(1, 5)) {
      assertNotNull(d.getBinaryValue(Fields.VECTOR_BYTES), d.get(Fields.TEXT));
    }
  }
}
