package io.tierzero.kb.index;

import io.tierzero.kb.parse.Article;
import io.tierzero.kb.parse.Passage;
import io.tierzero.kb.parse.Section;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * Which Lucene field holds what, and why it is stored, indexed or both. One index holds two kinds
 * of document: one per article (what BM25 ranks and what search returns) and one per passage (what
 * vectors rank and what snippets are cut from).
 */
public final class Fields {
  // Both kinds.
  /** "article" or "passage": indexed to filter a query to one kind; not stored. */
  public static final String TYPE = "type";

  /** The article id: indexed to delete or replace all of an article's documents; stored. */
  public static final String ARTICLE = "article";

  /**
   * The article id again, as doc values: how a search turns hits into ids. Reading the stored field
   * instead decompresses a whole block of stored documents per hit, article JSON included, which
   * was most of a search's cost.
   */
  public static final String ARTICLE_ID = "article_id";

  // Article documents: searchable text fields, indexed with the KB analyzer, not stored (the
  // article itself is stored whole as JSON).
  public static final String TITLE = "title";
  public static final String HEADINGS = "headings";
  public static final String TAGS = "tags";
  public static final String SUMMARY = "summary";
  public static final String BODY = "body";
  public static final String QUESTIONS = "questions";

  /** Every searchable word of the article: tells whether the article covers a question's word. */
  public static final String ALL = "all";

  /** The same words lowercased but not stemmed: the vocabulary typo correction suggests from. */
  public static final String SPELL = "spell";

  /**
   * The file's path under the articles folder and its content hash: stored for incremental builds.
   */
  public static final String PATH = "path";

  public static final String HASH = "hash";

  /** The parsed article as JSON: stored so an unchanged knowledge base opens without re-parsing. */
  public static final String JSON = "json";

  // Passage documents.
  /** Passage text: indexed (BM25 picks the snippet) and stored (the snippet shows it). */
  public static final String TEXT = "text";

  /** Stored: position in the article and the heading it sits under. */
  public static final String ORDINAL = "ordinal";

  public static final String HEADING = "heading";

  /**
   * "body" for article text, "title" and "question" for the extra vectors of those (no snippet).
   */
  public static final String KIND = "kind";

  /** The HNSW vector, indexed for KNN search. */
  public static final String VECTOR = "vector";

  /** The same vector stored, with the hash of what was embedded: the embedding cache. */
  public static final String VECTOR_BYTES = "vector_bytes";

  public static final String VECTOR_KEY = "vector_key";

  public static final String TYPE_ARTICLE = "article";
  public static final String TYPE_PASSAGE = "passage";
  public static final String KIND_BODY = "body";
  public static final String KIND_TITLE = "title";
  public static final String KIND_QUESTION = "question";

  private Fields() {}

  /** KB analysis for every text field except {@link #SPELL}, which keeps words as typed. */
  public static Analyzer indexAnalyzer() {
    return new PerFieldAnalyzerWrapper(KbAnalyzer.forIndex(), Map.of(SPELL, new SimpleAnalyzer()));
  }

  static Document article(Article article, String path, String hash, String json) {
    Document doc = new Document();
    doc.add(new StringField(TYPE, TYPE_ARTICLE, Field.Store.NO));
    doc.add(new StringField(ARTICLE, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ARTICLE_ID, new BytesRef(article.id())));
    doc.add(new StoredField(PATH, path));
    doc.add(new StoredField(HASH, hash));
    doc.add(new StoredField(JSON, json));
    List<String> headings = new ArrayList<>();
    for (Section section : article.sections()) {
      if (!section.heading().isEmpty() && !section.heading().equals(article.title())) {
        headings.add(section.heading());
      }
    }
    String body = article.plainText();
    String tags = String.join(" ", article.tags());
    String questions = String.join("\n", article.questions());
    doc.add(new TextField(TITLE, article.title(), Field.Store.NO));
    doc.add(new TextField(HEADINGS, String.join("\n", headings), Field.Store.NO));
    doc.add(new TextField(TAGS, tags, Field.Store.NO));
    doc.add(new TextField(SUMMARY, article.summary(), Field.Store.NO));
    doc.add(new TextField(BODY, body, Field.Store.NO));
    doc.add(new TextField(QUESTIONS, questions, Field.Store.NO));
    String all = String.join("\n", article.title(), article.summary(), tags, questions, body);
    doc.add(new TextField(ALL, all, Field.Store.NO));
    doc.add(new TextField(SPELL, all, Field.Store.NO));
    return doc;
  }

  /**
   * A passage document; {@code vector} is null when the index has no embedding model.
   *
   * @param vectorKey what identifies the embedded text and model, so an unchanged passage reuses
   *     its vector
   */
  static Document passage(Passage passage, String kind, float[] vector, String vectorKey) {
    Document doc = new Document();
    doc.add(new StringField(TYPE, TYPE_PASSAGE, Field.Store.NO));
    doc.add(new StringField(ARTICLE, passage.articleId(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ARTICLE_ID, new BytesRef(passage.articleId())));
    doc.add(new StringField(KIND, kind, Field.Store.YES));
    doc.add(new StoredField(ORDINAL, passage.ordinal()));
    doc.add(new StoredField(HEADING, passage.heading()));
    doc.add(new TextField(TEXT, passage.text(), Field.Store.YES));
    if (vector != null) {
      doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
      doc.add(new StoredField(VECTOR_BYTES, new BytesRef(toBytes(vector))));
      doc.add(new StoredField(VECTOR_KEY, vectorKey));
    }
    return doc;
  }

  static byte[] toBytes(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] toFloats(BytesRef bytes) {
    float[] vector = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(vector);
    return vector;
  }
}
