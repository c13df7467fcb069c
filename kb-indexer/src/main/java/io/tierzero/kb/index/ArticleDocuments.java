package io.tierzero.kb.index;

import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.Passage;
import io.tierzero.kb.parse.Passages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;

/**
 * The Lucene documents of articles: one article document each, then one document per passage, per
 * title and per example question, each with its vector when the index has a model.
 *
 * @param byPath each article's documents, article document first, by file path
 * @param embedded how many texts the model had to embed (the rest came from the vector cache)
 */
record ArticleDocuments(Map<String, List<Document>> byPath, int embedded) {

  /** A text that gets a vector, and the passage document it goes into. */
  record Embeddable(String path, Passage passage, String kind, String text) {}

  /**
   * Documents for {@code articles} (by path; {@code hashes} by path too).
   *
   * @param vectors null for an index without vectors
   * @param stored vectors the index already has, by key
   */
  static ArticleDocuments of(
      Map<String, Article> articles,
      Map<String, String> hashes,
      VectorCache vectors,
      Map<String, float[]> stored,
      Progress progress) {
    List<Embeddable> texts = embeddable(articles);
    VectorCache.Vectors found =
        vectors == null
            ? new VectorCache.Vectors(Map.of(), 0)
            : vectors.vectors(texts.stream().map(Embeddable::text).toList(), stored, progress);

    Map<String, List<Document>> byPath = new HashMap<>();
    for (var entry : articles.entrySet()) {
      Article article = entry.getValue();
      String hash = hashes.get(entry.getKey());
      List<Document> docs = new ArrayList<>();
      docs.add(Fields.article(article, entry.getKey(), hash, ArticleJson.write(article)));
      byPath.put(entry.getKey(), docs);
    }
    for (Embeddable t : texts) {
      String key = vectors == null ? null : vectors.key(t.text());
      float[] vector = key == null ? null : found.byKey().get(key);
      byPath.get(t.path()).add(Fields.passage(t.passage(), t.kind(), vector, key));
    }
    return new ArticleDocuments(byPath, found.embedded());
  }

  /** Every text of the articles that gets a passage document, in document order. */
  static List<Embeddable> embeddable(Map<String, Article> articles) {
    List<Embeddable> texts = new ArrayList<>();
    for (var entry : articles.entrySet()) {
      String path = entry.getKey();
      Article article = entry.getValue();
      for (Passage p : Passages.of(article)) {
        texts.add(new Embeddable(path, p, Fields.KIND_BODY, p.textForEmbedding(article.title())));
      }
      // Titles and the ways users ask are embedded on their own: a question is closest in meaning
      // to another question, not to the steps that answer it.
      String title =
          article.summary().isEmpty()
              ? article.title()
              : article.title() + ". " + article.summary();
      texts.add(
          new Embeddable(path, new Passage(article.id(), -1, "", title), Fields.KIND_TITLE, title));
      for (String question : article.questions()) {
        var passage = new Passage(article.id(), -1, "", question);
        texts.add(new Embeddable(path, passage, Fields.KIND_QUESTION, question));
      }
    }
    return texts;
  }
}
